// The reference emulator of the Defender for Endpoint machine actions API. See docs/emulator.md.
import type { FastifyInstance } from 'fastify';
import { type BuildDependencies, buildApp } from './app.ts';
import type { EmulatorOptions } from './options.ts';
import { builtInProfiles } from './profiles/built-in-profiles.ts';

export { type BuildDependencies, buildApp } from './app.ts';
export { createSigningKey, type SigningKey } from './auth/signing-key.ts';
export { FAULT_CATALOGUE, type FaultName } from './faults/catalogue.ts';
export type { FaultDefinition, FaultEntry, Seam } from './faults/fault-entry.ts';
export { type EmulatorOptions, EmulatorOptionsError } from './options.ts';
export {
  type EmulatorProfile,
  loadProfile,
  type ProfileSource,
  readingsOf,
} from './profiles/load-profile.ts';
export type { Seed } from './state/seed.ts';

// The built-in profiles: name → resolved document (every open point with its reading), default first.
export const PROFILES = builtInProfiles();

export interface RunningEmulator {
  // Origin of the API, the token endpoint and the control protocol, e.g. http://127.0.0.1:4010.
  url: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

export async function startEmulator(
  options: EmulatorOptions = {},
  deps: BuildDependencies = {},
): Promise<RunningEmulator> {
  const app = await buildApp(options, deps);
  const { host, port } = app.emulator.options;
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${boundPort}`, app, close: () => app.close() };
}
