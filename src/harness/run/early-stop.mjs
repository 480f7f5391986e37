// @ts-check
// Node loads tsx (half a second, more with a cold compile cache) before a script's first line runs: a
// Ctrl-C or SIGTERM then ended `npm run conformance` by the signal's default, exit 130 and not a word,
// where a moment later stop-before-start.ts said why. temp-dir-check.mjs, preloaded ahead of tsx (plain
// JavaScript: no loader yet), arms this for the scripts that take over from it; they then disarm it.

// An interrupted run, docs/interfaces.md#exit-codes.
export const STOPPED_EXIT = 2;

// The scripts that call stopBeforeStart (src/harness/run/stop-before-start.ts) once they run.
export const TAKES_OVER = ['conformance'];

// Shared through the process, not a module: the preload and the script's own copy of this module may
// load it apart (a file: URL, a tsx-resolved path).
const DISARM = Symbol.for('mde.early-stop.disarm');

/** @param {string} script @param {string} signal */
export function stoppedLine(script, signal) {
  return `${script}: stopped by ${signal} before the run began; reports/ holds the last run's reports as they were`;
}

/** @param {string} script */
export function armEarlyStop(script) {
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => {
    process.stderr.write(`${stoppedLine(script, signal)}\n`);
    process.exit(STOPPED_EXIT);
  };
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, stop);
  /** @type {Record<symbol, unknown>} */ (globalThis)[DISARM] = () => {
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.off(signal, stop);
  };
}

// The script's own handlers are in place: the preload's step aside.
export function disarmEarlyStop() {
  const disarm = /** @type {Record<symbol, (() => void) | undefined>} */ (globalThis)[DISARM];
  delete (/** @type {Record<symbol, unknown>} */ (globalThis)[DISARM]);
  disarm?.();
}
