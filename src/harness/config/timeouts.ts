import type { TargetMode } from './target-spec.ts';

// How long one test may take: a tenant answers slower, and its rate-limit waits are real time.
// playwright.config.ts reads it, so a request timeout can be checked against it.
export const TEST_TIMEOUT_SECONDS: Record<TargetMode, number> = { embedded: 30, emulator: 30, tenant: 120 };

// How long one HTTP exchange may take before it counts as lost, unless MDE_REQUEST_TIMEOUT_SECONDS says.
export const REQUEST_TIMEOUT_SECONDS: Record<TargetMode, number> = { embedded: 10, emulator: 10, tenant: 30 };

// Calls a test of the embedded emulator may make one after another (CANCEL.PERSIST cancels eight types,
// each seeded, read on the settle schedule with the clock moved between reads: about 160): each waits
// out the profile file's latency (timing.latencyMs, up to a second), which the test timeout allows for
// on top of its own. At 60 calls, two such tests still timed out at 1000 ms.
export const CALLS_IN_TURN = 200;

// The most a profile file may delay each answer (timing.latencyMs, schemas/observed-profile.schema.json):
// an emulator already running may be one started with such a file, which the suite cannot read.
export const MAX_PROFILE_LATENCY_MS = 1000;
