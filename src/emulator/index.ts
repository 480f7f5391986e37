// The reference emulator of the Defender for Endpoint machine actions API. See docs/emulator.md.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { type EmulatorOptions, resolveOptions } from './options.ts';

export { buildApp } from './app.ts';
export { FAULT_CATALOGUE, type FaultDefinition, type FaultName } from './faults.ts';
export { type EmulatorOptions, EmulatorOptionsError } from './options.ts';
export { PROFILES, type Profile } from './profiles.ts';
export type { Seed } from './state/seed.ts';

export interface RunningEmulator {
  // Origin of the API, the token endpoint and the control protocol, e.g. http://127.0.0.1:4010.
  url: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { host, port } = resolveOptions(options);
  const app = await buildApp(options);
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${boundPort}`, app, close: () => app.close() };
}
