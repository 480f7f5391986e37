import { performance } from 'node:perf_hooks';

// When an exchange counts as lost: after `timeoutMs` in which this process could have read its answer.
// Time its event loop spent busy does not count. An embedded emulator answers in the client's own
// process, so under a loaded machine (a few `npm test` at once on 2 cores) a rate test's burst of
// calls kept the loop busy past a wire-fault target's 1 s, and lawful exchanges were lost (the
// self-test's flake). An answer that never comes leaves the loop idle, so it is lost on time.
export interface IdleDeadline {
  // Counts again from now (a chunk of the answer came).
  restart(): void;
  stop(): void;
}

// Busy time under this is a callback or a garbage collection, not work that held the answer up.
const NOISE_MS = 5;

export function idleDeadline(timeoutMs: number, lost: () => void): IdleDeadline {
  let mark = performance.eventLoopUtilization();
  let timer: NodeJS.Timeout;
  // Each check waits again as long as the loop was busy since the last one: the busy time is given back.
  const arm = (ms: number) => {
    mark = performance.eventLoopUtilization();
    // Unreferenced, as Node's own socket timeouts: the exchange's socket keeps the process alive.
    timer = setTimeout(check, ms).unref();
  };
  const check = () => {
    const busy = performance.eventLoopUtilization(mark).active;
    if (busy < NOISE_MS) lost();
    else arm(busy);
  };
  arm(timeoutMs);
  return {
    restart() {
      clearTimeout(timer);
      arm(timeoutMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
