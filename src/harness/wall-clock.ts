// The harness's one source of real time. Logic takes a Clock, so a test can pin it; only the
// composition (a driver, a client, a script) hands in this one.
export interface Clock {
  // Epoch milliseconds.
  now(): number;
}

export const WALL_CLOCK: Clock = { now: () => Date.now() };
