import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { missingValueLine } from '../../common/missing-value.ts';
import { isPastedText, pastedTextProblem } from '../../common/pasted-text.ts';
import type { EmulatorOptions } from '../options.ts';
import { runCommand } from './run-command.ts';
import { CliUsageError, USAGE } from './usage.ts';

// The command line of `npm run emulator`: its flags and environment variables read into the
// emulator's options (the usage they follow: usage.ts).

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'list-faults' }
  // hostSetting, portSetting: what set the host or port (flag or variable), for a line about one it
  // cannot listen on.
  | {
      kind: 'run';
      options: EmulatorOptions;
      hostSetting: '--host' | 'MDE_EMULATOR_HOST';
      portSetting: '--port' | 'MDE_EMULATOR_PORT';
    };

// Flags win over environment variables; every mistake is one CliUsageError line (a rejection).
export async function parseCli(argv: string[], env: NodeJS.ProcessEnv): Promise<CliCommand> {
  const args = negativeValues(argv);
  // Read as tokens first, so that --help counts only as an option of its own, never as the value
  // of another (`--port --help`: that value is missing).
  const { tokens = [] } = parseArgs({ args, strict: false, tokens: true, options: OPTIONS });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { kind: 'help' };
  // Before the value is read as a path, or echoed as an option where a value belongs (`-----BEGIN`).
  const pasted = tokens.find(
    (t) =>
      t.kind === 'option' &&
      FILE_OPTIONS.has(t.name) &&
      t.value !== undefined &&
      isPastedText(t.value) &&
      !existsSync(t.value),
  );
  if (pasted?.kind === 'option')
    throw new CliUsageError(`${pasted.rawName} ${pastedTextProblem(pasted.value!)}.`);
  const profileFileEnv = env['MDE_EMULATOR_PROFILE_FILE'];
  if (profileFileEnv && isPastedText(profileFileEnv) && !existsSync(profileFileEnv))
    throw new CliUsageError(`MDE_EMULATOR_PROFILE_FILE ${pastedTextProblem(profileFileEnv)}.`);
  let values: CliValues;
  try {
    values = parse(args).values;
  } catch (error) {
    const missing = tokens.find(
      (t) =>
        t.kind === 'option' &&
        VALUE_OPTIONS.has(t.name) &&
        (t.value === undefined || (!t.inlineValue && /^-./.test(t.value))),
    );
    if (missing?.kind === 'option')
      throw new CliUsageError(missingValueLine(USAGE, missing.rawName, missing.value));
    throw new CliUsageError((error as Error).message.split('\n')[0]!);
  }
  // `--tls-cert-out "$DIR/cert.pem"` is fine; `--host "$HOST"` with the variable unset is refused here, or
  // its line would name startEmulator()'s option (`host must be a non-empty string`), or none (`--fault=`).
  const empty = tokens.find((t) => t.kind === 'option' && VALUE_OPTIONS.has(t.name) && t.value === '');
  if (empty?.kind === 'option')
    throw new CliUsageError(
      `${missingValueLine(USAGE, empty.rawName, undefined)}; it was given empty (an unset variable?)`,
    );
  const twice = givenTwice(tokens);
  if (twice) throw new CliUsageError(twice);
  if (values['list-faults']) return { kind: 'list-faults' };
  return runCommand(values, env);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  profile: { type: 'string' },
  'profile-file': { type: 'string' },
  fault: { type: 'string', multiple: true },
  'rate-limits': { type: 'string' },
  'no-control': { type: 'boolean' },
  seed: { type: 'string' },
  https: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-cert-out': { type: 'string' },
  'log-level': { type: 'string' },
  'list-faults': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VALUE_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === 'string')
    .map(([name]) => name),
);

const ONE_VALUE_OPTIONS = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === 'string' && !('multiple' in option))
    .map(([name]) => name),
);

// The flags that name a file: their values are paths, never the file's text.
const FILE_OPTIONS = new Set(['profile-file', 'seed', 'tls-cert', 'tls-key', 'tls-cert-out']);

// The flags' values, read strictly.
export type CliValues = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS });
}

// parseArgs keeps the last of a flag given twice: a script's default and the user's own value would
// start the emulator from one of them without a word.
function givenTwice(tokens: ReturnType<typeof parseArgs>['tokens'] = []): string | undefined {
  const first = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || !ONE_VALUE_OPTIONS.has(t.name) || t.value === undefined) continue;
    const earlier = first.get(t.name);
    if (earlier !== undefined && earlier !== t.value)
      return `--${t.name} is given twice (${earlier}, then ${t.value}); give it once`;
    first.set(t.name, t.value);
  }
  return undefined;
}

// parseArgs reads `--port -1` as an option with no value ("argument is ambiguous"); a negative number
// after an option that takes a value is that value, so its range check can say what is wrong.
function negativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const [arg, next] = [argv[i]!, argv[i + 1]];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && next !== undefined && /^-\d/.test(next) && VALUE_OPTIONS.has(name)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}
