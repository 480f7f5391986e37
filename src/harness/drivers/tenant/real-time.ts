import { type Clock, WALL_CLOCK } from '../../wall-clock.ts';

// Real time as the tenant driver needs it: the harness's clock, and waiting. Injected so that its unit
// tests neither wait nor read the system clock. Emulators never use it: their time is the virtual
// clock of the control protocol.
export interface RealTime extends Clock {
  sleep(ms: number): Promise<void>;
}

export const REAL_TIME: RealTime = {
  now: () => WALL_CLOCK.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
