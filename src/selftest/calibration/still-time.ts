import type { BuildDependencies } from '../../emulator/index.ts';

// The differential probe's pattern is in the emulators' time: it advances their clocks between calls.
// The reference emulators it probes get a clock that moves only then. On their usual one (real time
// plus the advances) the real seconds a loaded machine spent between two calls moved a rate window or
// shortened a Retry-After on one side only: 29 against the original's 31 in one CI run, a false alarm.
export const STILL_TIME: NonNullable<BuildDependencies['timeSource']> = {
  now: () => Date.parse('2026-01-01T00:00:00.000Z'),
};
