import { existsSync } from 'node:fs';
import { parse } from 'dotenv';
import { readUserFile } from '../../common/regular-file.ts';

type Env = Record<string, string | undefined>;

// npm run emulator reads its variables from the environment only, never from .env (.env.example says
// so). One set there did nothing without a word: MDE_EMULATOR_PORT=4011 in .env, and the emulator
// listened on 4010. Each is named once at start, with the flag that does it.
const FLAG_OF: Record<string, string> = {
  MDE_EMULATOR_PORT: '--port',
  MDE_EMULATOR_HOST: '--host',
  MDE_EMULATOR_PROFILE: '--profile',
  MDE_EMULATOR_PROFILE_FILE: '--profile-file',
  MDE_EMULATOR_FAULTS: '--fault',
  MDE_EMULATOR_HTTPS: '--https',
};

export function emulatorEnvFileWarnings(fromFile: Env, env: Env): string[] {
  return Object.entries(fromFile)
    .filter(([name, value]) => name in FLAG_OF && value && env[name] === undefined)
    .map(
      ([name]) =>
        `warning: ${name} is set in .env, which npm run emulator does not read (it reads its variables from the environment only${name === 'MDE_EMULATOR_PORT' || name === 'MDE_EMULATOR_HOST' ? '' : '; the embedded target of npm run conformance does'}); give it on the command line, or use ${FLAG_OF[name]}`,
    );
}

// The .env of the working directory (npm runs the emulator at the repository's root), or none when it
// cannot be read as a file (readUserFile refuses a named pipe, which blocked the start): the emulator
// does not need it.
export function envFileOrNone(cwd = process.cwd()): Env {
  try {
    const file = `${cwd}/.env`;
    return existsSync(file) ? parse(readUserFile(file)) : {};
  } catch {
    return {};
  }
}
