// Two workers on two cores: a third measured no faster (docs/speed.md).
export const DEFAULT_WORKERS = 2;

// How many workers a conformance run may have at once: one for a target alone that is shared with others
// (one clock, one quota); else the isolated targets' workers, and one beside them for each shared target.
// A target with an emulator per slot needs at least this many slots: a worker's parallel index picks one.
// Apart from the Playwright configuration, so that a script can size its slots without loading Playwright.
export function runWorkers(targets: { isolated: number; shared: number }, workers = DEFAULT_WORKERS): number {
  if (targets.isolated === 0) return targets.shared === 1 ? 1 : workers;
  return workers + targets.shared;
}
