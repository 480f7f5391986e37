// The one clock of an emulator. Tokens, rate-limit windows, Retry-After and action lifecycles all read
// it, so moving it (POST /_emulator/clock/advance) moves all of them together. Nothing waits on it:
// whatever depends on time is computed from now() when it is read.

export interface TimeSource {
  // Milliseconds since the Unix epoch.
  now(): number;
}

// The real time of the process; the only place the emulator reads the wall clock.
export const systemTime: TimeSource = { now: () => Date.now() };

export class VirtualClock {
  #offsetMs = 0;
  #lastMs = 0;

  constructor(private readonly source: TimeSource = systemTime) {}

  // Real time plus everything advanced so far; never goes back, even if the source does.
  now(): number {
    const current = this.source.now() + this.#offsetMs;
    if (current > this.#lastMs) this.#lastMs = current;
    return this.#lastMs;
  }

  advance(seconds: number): number {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0)
      throw new RangeError(`advance() needs a number of seconds > 0 (got ${String(seconds)}).`);
    const before = this.now();
    this.#offsetMs += seconds * 1000;
    // A wall clock that stepped back (NTP, a resumed VM) must not swallow the advance: the clock moves
    // at least by the seconds asked, as the control protocol promises.
    this.#lastMs = Math.max(this.#lastMs, before + seconds * 1000);
    return this.now();
  }

  // Seconds moved forward since start, for /_emulator/info and the logs.
  get advancedSeconds(): number {
    return this.#offsetMs / 1000;
  }
}
