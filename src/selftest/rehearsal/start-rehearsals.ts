import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSigningKey,
  createTlsCertificate,
  type RunningEmulator,
  startEmulator,
} from '../../emulator/index.ts';
import { tenantCase } from '../case-names.ts';
import { rehearsalIdentity } from './rehearsal-identity.ts';
import {
  judgeRehearsal,
  listTenantActions,
  type RehearsalCheck,
  rehearsalEnv,
  rehearsalSeed,
  type SignIn,
} from './rehearsal-tenant.ts';

export interface Rehearsal {
  name: string;
  signIn: SignIn;
  writes: boolean;
  emulator: RunningEmulator;
  // The tenant-mode environment a user would set for it (no secret).
  env: Record<string, string>;
}

export interface Rehearsals {
  rehearsals: Rehearsal[];
  // A PEM file with the emulators' certificate, for NODE_EXTRA_CA_CERTS of the Playwright run.
  caFile: string;
  judge(): Promise<(RehearsalCheck & { name: string })[]>;
  close(): Promise<void>;
}

const KINDS: { name: string; signIn: SignIn; writes: boolean }[] = [
  { name: tenantCase('read-only'), signIn: 'certificate', writes: false },
  { name: tenantCase('writes'), signIn: 'federated', writes: true },
];
export const REHEARSAL_NAMES = KINDS.map((k) => k.name);

// Starts one HTTPS emulator without control protocol per wanted rehearsal, seeded as a tenant whose
// apps sign in with certificates and a federated token; in `profile`, a built-in profile, if given.
export async function startRehearsals(
  wanted: (name: string) => boolean,
  dir: string,
  profile?: string,
): Promise<Rehearsals> {
  const kinds = KINDS.filter((k) => wanted(k.name));
  // Every key at once (RSA keys take up to a fifth of a second each): one tenant's apps, its Entra
  // ID's signing key (shared, as one Entra ID signs for all its tenants) and the HTTPS certificate.
  const [identity, tlsCertificate, signingKey] = await Promise.all([
    rehearsalIdentity(dir),
    createTlsCertificate(),
    createSigningKey(),
  ]);
  const seed = rehearsalSeed(identity);
  const rehearsals = await Promise.all(
    kinds.map(async (kind) => {
      const emulator = await startEmulator(
        { port: 0, control: false, https: true, seed, ...(profile ? { profile } : {}) },
        { tlsCertificate, signingKey },
      );
      return { ...kind, emulator, env: rehearsalEnv(emulator.url, identity, kind.signIn, kind.writes) };
    }),
  );
  const caFile = join(dir, 'emulator-ca.pem');
  writeFileSync(caFile, tlsCertificate.cert);
  return {
    rehearsals,
    caFile,
    judge: () =>
      Promise.all(
        rehearsals.map(async (r) => ({
          name: r.name,
          ...judgeRehearsal(
            r.writes,
            seed.actions?.length ?? 0,
            await listTenantActions(r.emulator.url, identity, tlsCertificate.cert),
          ),
        })),
      ),
    close: async () => void (await Promise.all(rehearsals.map((r) => r.emulator.close()))),
  };
}
