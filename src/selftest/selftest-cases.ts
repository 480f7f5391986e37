import { FAULT_CATALOGUE, PROFILES } from '../emulator/index.ts';
import { faultCase, independentCase, profileCase } from './case-names.ts';
import { REHEARSAL_NAMES } from './rehearsal/start-rehearsals.ts';

export const INDEPENDENT_VARIANTS = ['a', 'b'] as const;

// Every case the self-test can run (names: case-names.ts).
export const SELFTEST_CASES: readonly string[] = [
  ...Object.keys(PROFILES).map(profileCase),
  ...FAULT_CATALOGUE.map((f) => faultCase(f.name)),
  ...REHEARSAL_NAMES,
  ...INDEPENDENT_VARIANTS.map(independentCase),
];
