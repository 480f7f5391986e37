import type { Env } from './read-env.ts';
import type { TargetMode } from './target-spec.ts';

// Settings only a tenant run reads: its sign-in and its safety switches. Set with MDE_TARGET=emulator
// (a rehearsal of a tenant run against an emulator, started with the wrong target), the run signed in
// with apps of its own through the control protocol and moved the emulator's virtual clock, which then
// refuses the rehearsal's certificate assertions (AADSTS700024), all without a word. One line; a .env
// kept for a tenant while the user switches targets sees it too, which is true of it.
const TENANT_ONLY = [
  'MDE_TENANT_ID',
  'MDE_CLIENT_ID',
  'MDE_CLIENT_SECRET',
  'MDE_CLIENT_CERTIFICATE_PATH',
  'MDE_FEDERATED_TOKEN_FILE',
  'MDE_CREDENTIAL',
  'MDE_ALLOW_WRITES',
  'MDE_MACHINE_ID',
];

export function tenantOnlyWarnings(env: Env, mode: TargetMode): string[] {
  if (mode !== 'emulator') return [];
  const set = TENANT_ONLY.filter((name) => env[name]?.trim());
  if (set.length === 0) return [];
  return [
    `warning: ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} read only with MDE_TARGET=tenant; this emulator run registers apps of its own through the control protocol and moves the emulator's clock: to rehearse a tenant run against it, set MDE_TARGET=tenant (docs/tenant-sign-in.md, "Trying it against the emulator")`,
  ];
}
