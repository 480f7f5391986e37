import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { missingValueLine } from '../../common/missing-value.ts';
import { isPastedText, pastedTextProblem } from '../../common/pasted-text.ts';
import { LOG_LEVELS } from '../log-levels.ts';
import type { EmulatorOptions } from '../options.ts';
import { builtInProfiles } from '../profiles/built-in-profiles.ts';
import { faultOption } from './fault-option.ts';
import { hostFormProblem } from './host-form.ts';
import { readSeedFile } from './seed-file.ts';
import { CliUsageError, DEFAULT_LOG_LEVEL, DEFAULT_TLS_CERT_OUT, USAGE } from './usage.ts';

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
  let values: ReturnType<typeof parse>['values'];
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
  if (values['list-faults']) return { kind: 'list-faults' };
  const portText = values.port ?? nonEmpty(env['MDE_EMULATOR_PORT']);
  const port = portText === undefined ? undefined : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || port! > 65535))
    throw new CliUsageError(
      `${values.port === undefined ? 'MDE_EMULATOR_PORT' : '--port'} must be a number from 0 to 65535 (got "${portText}").`,
    );
  const rateLimits = values['rate-limits'];
  if (rateLimits !== undefined && rateLimits !== 'on' && rateLimits !== 'off')
    throw new CliUsageError(`--rate-limits takes "on" or "off" (got "${rateLimits}").`);
  // Checked here, not by resolveOptions: its line would name the option of startEmulator(), logLevel.
  const logLevel = values['log-level'] ?? DEFAULT_LOG_LEVEL;
  if (!isLogLevel(logLevel))
    throw new CliUsageError(`--log-level takes one of ${LOG_LEVELS.join(', ')} (got "${logLevel}").`);
  const faults = await faultOption(values.fault, env['MDE_EMULATOR_FAULTS']);
  const httpsText = env['MDE_EMULATOR_HTTPS']?.trim().toLowerCase();
  if (httpsText && !['true', 'false', '1', '0'].includes(httpsText))
    throw new CliUsageError(`MDE_EMULATOR_HTTPS takes true or false (got "${env['MDE_EMULATOR_HTTPS']}").`);
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
    throw new CliUsageError('--tls-cert and --tls-key go together: the certificate and its private key.');
  const https = values.https || values['tls-cert'] !== undefined || httpsText === 'true' || httpsText === '1';
  const host = values.host ?? nonEmpty(env['MDE_EMULATOR_HOST']);
  const hostProblem =
    host && hostFormProblem(host, values.host === undefined ? 'MDE_EMULATOR_HOST' : '--host');
  if (hostProblem) throw new CliUsageError(hostProblem);
  const profile = values.profile ?? nonEmpty(env['MDE_EMULATOR_PROFILE']);
  const profiles = Object.keys(builtInProfiles());
  if (profile !== undefined && !profiles.includes(profile))
    throw new CliUsageError(
      `${values.profile === undefined ? 'MDE_EMULATOR_PROFILE' : '--profile'} names unknown profile "${profile}"; the built-in profiles are ${profiles.join(', ')}${
        // A path or a .json: a profile file meant for the other setting.
        /[/\\]|\.json$/i.test(profile)
          ? `; a profile file goes to ${values.profile === undefined ? 'MDE_EMULATOR_PROFILE_FILE' : '--profile-file'}`
          : ''
      }`,
    );
  return {
    kind: 'run',
    hostSetting:
      values.host === undefined && nonEmpty(env['MDE_EMULATOR_HOST']) ? 'MDE_EMULATOR_HOST' : '--host',
    portSetting: values.port === undefined && portText !== undefined ? 'MDE_EMULATOR_PORT' : '--port',
    options: {
      port,
      host,
      profile,
      profileFile: values['profile-file'] ?? nonEmpty(env['MDE_EMULATOR_PROFILE_FILE']),
      faults,
      rateLimits: rateLimits === undefined ? undefined : rateLimits === 'on',
      control: values['no-control'] ? false : undefined,
      seed: values.seed === undefined ? undefined : readSeedFile(values.seed),
      logger: true,
      logLevel,
      ...(https
        ? {
            https: true,
            tlsCertFile: values['tls-cert'],
            tlsKeyFile: values['tls-key'],
            tlsCertOut: values['tls-cert-out'] ?? DEFAULT_TLS_CERT_OUT,
          }
        : {}),
    },
  };
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

// The flags that name a file: their values are paths, never the file's text.
const FILE_OPTIONS = new Set(['profile-file', 'seed', 'tls-cert', 'tls-key', 'tls-cert-out']);

function parse(argv: string[]) {
  return parseArgs({ args: argv, strict: true, allowPositionals: false, options: OPTIONS });
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

function isLogLevel(value: string): value is (typeof LOG_LEVELS)[number] {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
