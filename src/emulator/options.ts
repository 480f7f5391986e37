import { type ProfileDocument, ProfileFormatError } from '../contract/index.ts';
import type { FaultName } from './faults/catalogue.ts';
import { unknownFaults } from './faults/unknown-faults.ts';
import { LOG_LEVELS } from './log-levels.ts';
import { EmulatorOptionsError } from './options-error.ts';
import { type EmulatorProfile, emulatorProfile } from './profiles/load-profile.ts';
import type { Seed } from './state/seed.ts';

export { EmulatorOptionsError };

export interface EmulatorOptions {
  // Interface to bind; loopback by default, so the unauthenticated control protocol stays local.
  host?: string;
  // 0 picks a free port.
  port?: number;
  // Name of a built-in profile (src/emulator/profiles/<name>.profile.json); default: 'default'.
  profile?: string;
  // A profile file read over the named profile (its points replace the named profile's).
  profileFile?: string;
  // A profile document read over both (for programs that build one).
  profileDocument?: ProfileDocument;
  // Names of faults of the catalogue (src/emulator/faults/).
  faults?: readonly string[];
  // false lifts every rate limit (benchmarks, long manual sessions).
  rateLimits?: boolean;
  // false removes /_emulator/*: the emulator then plays a real tenant, seeded from `seed`.
  control?: boolean;
  // Apps, machines and actions to load at start (and after each reset).
  seed?: Seed;
  // Fastify's pino logger; off for programmatic use.
  logger?: boolean;
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  // Virtual durations of a created action: Pending, then InProgress, then Succeeded.
  lifecycle?: { pendingSeconds?: number; inProgressSeconds?: number };
  // Largest request body in bytes; larger answers 413.
  bodyLimit?: number;
  // Most actions kept per tenant; the oldest final actions are evicted first.
  maxActionsPerTenant?: number;
  // Real milliseconds a request may take to arrive whole (headers and body); later answers 408.
  requestTimeoutMs?: number;
  // Serve HTTPS instead of HTTP on the same port (docs/emulator.md#https). A certificate file implies it.
  https?: boolean;
  // One's own certificate and private key (PEM files); without them a self-signed one is made at start.
  tlsCertFile?: string;
  tlsKeyFile?: string;
  // Where startEmulator() writes the PEM of a generated certificate (the CLI: .emulator/tls-cert.pem).
  tlsCertOut?: string;
}

export interface ResolvedOptions {
  host: string;
  port: number;
  profile: EmulatorProfile;
  faults: FaultName[];
  rateLimits: boolean;
  control: boolean;
  seed: Seed;
  logger: boolean;
  logLevel: NonNullable<EmulatorOptions['logLevel']>;
  lifecycle: { pendingSeconds: number; inProgressSeconds: number };
  bodyLimit: number;
  maxActionsPerTenant: number;
  requestTimeoutMs: number;
  https: boolean;
  tlsCertFile: string | undefined;
  tlsKeyFile: string | undefined;
  tlsCertOut: string | undefined;
}

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const profile = resolveProfile(options);
  const unknown = unknownFaults(options.faults ?? []);
  if (unknown) fail(`faults names ${unknown}.`);
  const faults = [...new Set(options.faults ?? [])] as FaultName[];
  const port = options.port ?? 4010;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    fail(`port must be an integer from 0 to 65535 (got ${String(options.port)}).`);
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host.length === 0) fail('host must be a non-empty string.');
  const logLevel = options.logLevel ?? 'info';
  if (!LOG_LEVELS.includes(logLevel))
    fail(`logLevel must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(logLevel)}).`);
  const pendingSeconds = options.lifecycle?.pendingSeconds ?? 30;
  const inProgressSeconds = options.lifecycle?.inProgressSeconds ?? 120;
  for (const [name, value] of [
    ['lifecycle.pendingSeconds', pendingSeconds],
    ['lifecycle.inProgressSeconds', inProgressSeconds],
  ] as const)
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      fail(`${name} must be a number of seconds >= 0 (got ${String(value)}).`);
  return {
    host,
    port,
    profile,
    faults,
    rateLimits: bool('rateLimits', options.rateLimits, true),
    control: bool('control', options.control, true),
    seed: options.seed ?? {},
    logger: bool('logger', options.logger, false),
    logLevel,
    lifecycle: { pendingSeconds, inProgressSeconds },
    bodyLimit: positive('bodyLimit', options.bodyLimit, 64 * 1024),
    maxActionsPerTenant: positive('maxActionsPerTenant', options.maxActionsPerTenant, 10_000),
    requestTimeoutMs: positive('requestTimeoutMs', options.requestTimeoutMs, 60_000),
    ...tlsOptions(options),
  };
}

function tlsOptions(options: EmulatorOptions) {
  const tlsCertFile = path('tlsCertFile', options.tlsCertFile);
  const tlsKeyFile = path('tlsKeyFile', options.tlsKeyFile);
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined))
    fail('tlsCertFile and tlsKeyFile go together: give the certificate and its private key.');
  const https = bool('https', options.https, tlsCertFile !== undefined);
  if (!https && tlsCertFile !== undefined) fail('tlsCertFile/tlsKeyFile need https: true.');
  return { https, tlsCertFile, tlsKeyFile, tlsCertOut: path('tlsCertOut', options.tlsCertOut) };
}

function path(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') fail(`${name} must be a file path.`);
  return value;
}

// A bad profile file is one line naming the file, the point and what is wrong.
function resolveProfile(options: EmulatorOptions): EmulatorProfile {
  try {
    return emulatorProfile(options);
  } catch (error) {
    if (error instanceof ProfileFormatError) throw new EmulatorOptionsError(error.message, { cause: error });
    throw error;
  }
}

function bool(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(`${name} must be true or false (got ${JSON.stringify(value)}).`);
  return value;
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(`${name} must be a positive integer (got ${JSON.stringify(value)}).`);
  return value;
}

function fail(message: string): never {
  throw new EmulatorOptionsError(message);
}
