import { FAULT_CATALOGUE, PROFILES } from '../emulator/index.ts';
import { REHEARSAL_NAMES } from './rehearsal/start-rehearsals.ts';

// Every case the self-test can run, by the name MDE_SELFTEST_ONLY takes and its report shows.
export const SELFTEST_CASES: readonly string[] = [
  ...Object.keys(PROFILES).map((p) => `profile:${p}`),
  ...FAULT_CATALOGUE.map((f) => `fault:${f.name}`),
  ...REHEARSAL_NAMES,
  'independent:a',
  'independent:b',
];
