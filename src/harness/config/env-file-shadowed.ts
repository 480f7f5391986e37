import type { Assignment } from './env-file-lines.ts';
import type { Env } from './read-env.ts';

// Said apart: Node reads it from the environment only (startup-only-variables.ts).
const NOT_FROM_ENV_FILE = ['NODE_EXTRA_CA_CERTS'];

// The environment wins over .env, as dotenv leaves a variable already set alone: without a word, a
// fixed .env line changes nothing while an older `export` stays in the shell, and an empty value in the
// environment, which counts as unset, hides .env's (`MDE_TARGET=` leaves the run on the default target).
// One warning per variable, by name and the .env line used (the last), never a value.
export function shadowedLineWarnings(assigned: readonly Assignment[], fromFile: Env, env: Env): string[] {
  const lastLine = new Map<string, number>();
  for (const { name, line } of assigned) lastLine.set(name, line);
  return [...lastLine]
    .filter(([name]) => !NOT_FROM_ENV_FILE.includes(name))
    .filter(([name]) => env[name] !== undefined && env[name] !== fromFile[name])
    .map(([name, line]) =>
      env[name] === ''
        ? `warning: ${name} is set empty in the environment, which hides .env line ${line}: an empty value counts as unset, so neither is used; unset it there (unset ${name}) to use the line`
        : `warning: ${name} is set in the environment to another value than on .env line ${line}; the environment wins: unset it there (unset ${name}) to use the line, or make the two agree`,
    );
}
