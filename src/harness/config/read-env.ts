import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { withoutBom } from '../../contract/user-json.ts';
import { ConfigError } from '../errors.ts';

export type Env = Record<string, string | undefined>;

// The environment, over a .env file in the working directory: the environment wins.
export function readEnv(cwd = process.cwd(), env: Env = process.env): Env {
  return { ...readEnvFile(cwd), ...env };
}

// The .env file's own settings (none without the file).
export function readEnvFile(cwd = process.cwd()): Env {
  const text = envFileText(cwd);
  return text === undefined ? {} : parseDotenv(text);
}

// The text of the .env file, or undefined without one.
export function envFileText(cwd = process.cwd()): string | undefined {
  const file = join(cwd, '.env');
  return existsSync(file) ? withoutBom(readDotenv(file)) : undefined;
}

function readDotenv(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EISDIR'
        ? `is a directory (${file}); it must be a file of NAME=value lines, or absent`
        : `cannot be read (${file}: ${code ?? 'error'}); make it readable or remove it`;
    throw new ConfigError([{ variable: '.env', problem }]);
  }
}
