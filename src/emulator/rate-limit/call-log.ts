// What a window algorithm keeps for one (tenant, app, operation) key.

export interface WindowLimits {
  perMinute: number;
  perHour: number;
}

// Milliseconds until each window would accept one more call; 0 when it accepts now.
export interface Waits {
  minuteMs: number;
  hourMs: number;
}

export interface CallLog {
  waits(nowMs: number, limits: WindowLimits): Waits;
  record(nowMs: number): void;
  // Forgets the calls counted in the minute window so far (throttle policy minuteResetOnThrottle only);
  // the hour keeps them.
  forgetMinute(): void;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
