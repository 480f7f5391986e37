import { LOG_LEVELS } from '../log-levels.ts';
import { builtInProfiles } from '../profiles/built-in-profiles.ts';
import type { CliCommand, CliValues } from './args.ts';
import { faultOption } from './fault-option.ts';
import { hostFormProblem } from './host-form.ts';
import { readSeedFile } from './seed-file.ts';
import { CliUsageError, DEFAULT_LOG_LEVEL, DEFAULT_TLS_CERT_OUT } from './usage.ts';

// The emulator's options from the flags and the environment variables (flags win), each value checked
// and refused in one CliUsageError line that names the flag or variable that gave it.
export async function runCommand(
  values: CliValues,
  env: NodeJS.ProcessEnv,
): Promise<Extract<CliCommand, { kind: 'run' }>> {
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

function isLogLevel(value: string): value is (typeof LOG_LEVELS)[number] {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
