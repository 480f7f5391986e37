import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { withoutBom } from '../../contract/user-json.ts';
import { ConfigError } from '../errors.ts';

export type Env = Record<string, string | undefined>;

// The environment, over a .env file in the working directory: the environment wins.
export function readEnv(cwd = process.cwd(), env: Env = process.env): Env {
  const file = join(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(withoutBom(readDotenv(file))) : {};
  return { ...fromFile, ...env };
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
