import { FAULT_CATALOGUE, PROFILES } from '../emulator/index.ts';
import { REHEARSAL_NAMES } from './rehearsal/start-rehearsals.ts';

// The self-test's case names, which MDE_SELFTEST_ONLY takes and its report shows, made in one place so
// that the script's targets and the names it checks the selection against cannot drift apart.
export const profileCase = (profile: string) => `profile:${profile}`;
export const faultCase = (fault: string) => `fault:${fault}`;
export const independentCase = (variant: string) => `independent:${variant}`;
export const INDEPENDENT_VARIANTS = ['a', 'b'] as const;

// Every case the self-test can run.
export const SELFTEST_CASES: readonly string[] = [
  ...Object.keys(PROFILES).map(profileCase),
  ...FAULT_CATALOGUE.map((f) => faultCase(f.name)),
  ...REHEARSAL_NAMES,
  ...INDEPENDENT_VARIANTS.map(independentCase),
];
