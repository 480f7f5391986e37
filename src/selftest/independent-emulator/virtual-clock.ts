// The emulator's only source of time (docs/interfaces.md#virtual-clock): it starts where it is told and
// moves only when the control protocol advances it. Milliseconds are kept, as a real server's clock has
// them: that is what makes an HTTP-date Retry-After round up past the truncated Date header.
// Where a clock starts when the run names no time: the wall clock's now, read here alone.
export const wallNow = (): Date => new Date();

export class VirtualClock {
  private ms: number;

  constructor(start: Date) {
    this.ms = start.getTime();
  }

  nowMs(): number {
    return this.ms;
  }

  now(): Date {
    return new Date(this.ms);
  }

  // The time a served call takes (Variant.serviceTimeMs): forward only, like everything else.
  pass(ms: number): void {
    if (ms > 0) this.ms += Math.ceil(ms);
  }

  // Forward only; a fraction of a millisecond is rounded up so that a positive advance always moves.
  advance(seconds: number): Date {
    if (!(Number.isFinite(seconds) && seconds > 0))
      throw new RangeError(`seconds must be a finite number above 0 (got ${seconds})`);
    this.ms += Math.ceil(seconds * 1000);
    return this.now();
  }
}
