// The reference emulator of the Defender for Endpoint machine actions API. See docs/emulator.md.
import type { FastifyInstance } from 'fastify';
import { type BuildDependencies, buildApp } from './app.ts';
import {
  checkCertificatePemPath,
  removeTriedFolders,
  tlsCertificateFor,
  writeCertificatePem,
} from './identity/tls-certificate.ts';
import { type EmulatorOptions, type ResolvedOptions, resolveOptions } from './options.ts';
import { builtInProfiles } from './profiles/built-in-profiles.ts';

export { type BuildDependencies, buildApp } from './app.ts';
export { createSigningKey, type SigningKey } from './auth/signing-key.ts';
export { FAULT_CATALOGUE, type FaultName } from './faults/catalogue.ts';
export type { FaultDefinition, FaultEntry, Seam } from './faults/fault-entry.ts';
export { unknownFaults } from './faults/unknown-faults.ts';
export { createTlsCertificate, type TlsCertificate } from './identity/tls-certificate.ts';
export { type EmulatorOptions, EmulatorOptionsError } from './options.ts';
export {
  type EmulatorProfile,
  loadProfile,
  type ProfileSource,
  readingsOf,
} from './profiles/load-profile.ts';
export { makeSharedKeys, type SharedKeys, takeUpSharedKeys } from './shared-keys.ts';
export type { Seed } from './state/seed.ts';

// The built-in profiles: name → resolved document (every open point with its reading), default first.
export const PROFILES = builtInProfiles();

export interface RunningEmulator {
  // Origin of the API, the token endpoint and the control protocol, e.g. http://127.0.0.1:4010, or
  // https://127.0.0.1:4010 with the https option.
  url: string;
  // With https: the PEM of the certificate served, for clients to trust (NODE_EXTRA_CA_CERTS, verify=).
  certificatePem?: string;
  // With https and tlsCertOut: where that PEM was written.
  certificateFile?: string;
  close(): Promise<void>;
  app: FastifyInstance;
}

export async function startEmulator(
  options: EmulatorOptions = {},
  deps: BuildDependencies = {},
): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  // One's own certificate is already a file; only a generated one is written out, to a path tried first.
  const certificateOut = resolved.https && !resolved.tlsCertFile ? resolved.tlsCertOut : undefined;
  const made = certificateOut ? checkCertificatePemPath(certificateOut) : [];
  try {
    return await listening(options, deps, resolved, certificateOut);
  } catch (error) {
    // A start that fails once the path was tried (a port in use) leaves no folder of the trial behind.
    removeTriedFolders(made);
    throw error;
  }
}

async function listening(
  options: EmulatorOptions,
  deps: BuildDependencies,
  resolved: ResolvedOptions,
  certificateOut: string | undefined,
): Promise<RunningEmulator> {
  // Made here rather than in buildApp so that its PEM can be handed back and written out.
  const tls = resolved.https ? await tlsCertificateFor(resolved, deps.tlsCertificate) : undefined;
  const app = await buildApp(options, tls ? { ...deps, tlsCertificate: tls } : deps);
  const { host, port } = app.emulator.options;
  await app.listen({ host, port });
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const running: RunningEmulator = {
    url: `${tls ? 'https' : 'http'}://${urlHost}:${boundPort}`,
    app,
    close: () => app.close(),
  };
  if (!tls) return running;
  running.certificatePem = tls.cert;
  if (certificateOut) {
    writeCertificatePem(certificateOut, tls.cert);
    running.certificateFile = certificateOut;
  }
  return running;
}
