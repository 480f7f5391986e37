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
    const bytes = readFileSync(file);
    // PowerShell 5's `>` and Out-File write UTF-16, which dotenv reads as no setting at all: every
    // line would be warned about as malformed and the run would go on with the defaults.
    if (isUtf16(bytes))
      throw new ConfigError([
        {
          variable: '.env',
          problem: `is UTF-16 encoded (${file}), as PowerShell's > and Out-File write it, so none of its settings can be read; save it as UTF-8 (Set-Content -Encoding utf8, or your editor's encoding menu)`,
        },
      ]);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EISDIR'
        ? `is a directory (${file}); it must be a file of NAME=value lines, or absent`
        : `cannot be read (${file}: ${code ?? 'error'}); make it readable or remove it`;
    throw new ConfigError([{ variable: '.env', problem }]);
  }
}

// A UTF-16 byte order mark, or the zero bytes UTF-16 gives ASCII text (a text file has none).
function isUtf16(bytes: Buffer): boolean {
  return (
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)
  );
}
