import type { ProbeClient } from './probe-client.ts';

// The clock of a probed emulator, moved only by the probe. The probe's readings (when a cancel shows,
// a rate window's edges, 5 s apart at the closest) hold only if nothing else moves it: an emulator on
// real time moved on a loaded machine's seconds between two calls and read differently from run to run.
// Its clock may run this far beyond the advances (the independent emulator's 7 ms a served call).
const SLACK_MS = 2000;

export class ProbeClock {
  #advancedMs = 0;

  private constructor(
    private readonly c: ProbeClient,
    private readonly startMs: number,
  ) {}

  static async read(c: ProbeClient): Promise<ProbeClock> {
    return new ProbeClock(c, await nowOf(c));
  }

  // Milliseconds since the epoch, on the emulator's clock.
  now(): Promise<number> {
    return nowOf(this.c);
  }

  async advance(seconds: number): Promise<void> {
    await this.c.control('POST', '/_emulator/clock/advance', { seconds });
    this.#advancedMs += seconds * 1000;
  }

  // Throws when the clock moved more than the probe moved it: its readings would be the machine's speed.
  async checkStill(): Promise<void> {
    const beyondMs = (await nowOf(this.c)) - this.startMs - this.#advancedMs;
    if (beyondMs > SLACK_MS)
      throw new Error(
        `${this.c.baseUrl}: its clock moved ${(beyondMs / 1000).toFixed(1)} s more than the differential probe ` +
          'advanced it, so its readings depend on the machine; start it with a clock that moves only when ' +
          'advanced (src/selftest/calibration/still-time.ts).',
      );
  }
}

async function nowOf(c: ProbeClient): Promise<number> {
  return Date.parse(((await c.control('GET', '/_emulator/clock')) as { now: string }).now);
}
