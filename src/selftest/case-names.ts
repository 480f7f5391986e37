// The self-test's case names, which MDE_SELFTEST_ONLY takes and its report shows: made and read only
// here, so that the script's targets, the selection and the judge cannot spell them apart. Imports
// nothing, so the judge and its unit tests load no emulator for it.
export const profileCase = (profile: string) => `profile:${profile}`;
export const faultCase = (fault: string) => `fault:${fault}`;
export const independentCase = (variant: string) => `independent:${variant}`;
export const tenantCase = (rehearsal: string) => `tenant:${rehearsal}`;

export type CaseFamily = 'profile' | 'fault' | 'independent' | 'tenant';

export function caseFamily(name: string): CaseFamily | undefined {
  const family = name.slice(0, name.indexOf(':'));
  return (['profile', 'fault', 'independent', 'tenant'] as const).find((f) => f === family);
}
