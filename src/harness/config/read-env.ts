import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { readUserFile, UserFileError } from '../../common/regular-file.ts';
import { withoutBom } from '../../common/user-json.ts';
import { isUtf16 } from '../../common/utf16-bytes.ts';
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
  if (existsSync(file)) return withoutBom(readDotenv(file));
  // A link to a file that is not there (a dotfiles checkout, a secret mount not yet made) read as no
  // .env at all: the run went on with the defaults, against another target, and nothing said why.
  const link = danglingLink(file);
  if (link !== undefined)
    throw new ConfigError([
      {
        variable: '.env',
        problem: `is a link to ${link}, which does not exist; make the file, fix the link, or remove it`,
      },
    ]);
  return undefined;
}

function danglingLink(file: string): string | undefined {
  try {
    return lstatSync(file).isSymbolicLink() ? readlinkSync(file) : undefined;
  } catch {
    return undefined;
  }
}

function readDotenv(file: string): string {
  try {
    const bytes = readUserFile(file);
    // PowerShell 5's `>` and Out-File write UTF-16, which dotenv reads as no setting at all: every
    // line would be warned about as malformed and the run would go on with the defaults.
    if (isUtf16(bytes))
      throw new ConfigError([
        {
          variable: '.env',
          problem: `is UTF-16 encoded (${file}), as PowerShell's > and Out-File write it, so none of its settings can be read; save it as UTF-8 (Set-Content -Encoding utf8, or your editor's encoding menu)`,
        },
      ]);
    // A stray NUL (a file pasted from a binary, an editor's mishap) is no UTF-16: said as such, with
    // its line, never its text. Left in, it would stop the run at a child process's environment.
    const nul = bytes.indexOf(0);
    if (nul >= 0)
      throw new ConfigError([
        {
          variable: '.env',
          problem: `holds a NUL byte on line ${lineOf(bytes, nul)} (${file}), which no setting can carry; remove it (an editor that shows invisible characters finds it)`,
        },
      ]);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    if (error instanceof UserFileError)
      throw new ConfigError([{ variable: '.env', problem: `${file}: ${error.problem}` }]);
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EISDIR'
        ? `is a directory (${file}); it must be a file of NAME=value lines, or absent`
        : `cannot be read (${file}: ${code ?? 'error'}); make it readable or remove it`;
    throw new ConfigError([{ variable: '.env', problem }]);
  }
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
