// The settings of npm run bench:emulator (scripts/bench-emulator.ts), from its environment and
// arguments, and the check that stops a mistyped one before anything is measured.
import { asNumber } from '../src/harness/config/env-values.ts';

export const CONNECTIONS = 50;
export const SECONDS = benchNumber('BENCH_SECONDS', 3);
export const ROUNDS = benchNumber('BENCH_ROUNDS', 5);
export const WARMUP = benchNumber('BENCH_WARMUP', 2);
// A fixed request rate instead of as fast as possible: compares CPU per request at equal load.
export const RATE = benchNumber('BENCH_RATE', 0);
// How many emulators --startup starts (scripts/bench-emulator-startup.ts).
export const EMULATORS = benchNumber('BENCH_EMULATORS', 55);
export const PROFILES = 'test-results/bench-profiles';

// Read as the MDE_* numbers are (env-values.ts): decimal only, so "0x10" or "0b11" is refused below
// instead of measured as 16 or 3; unset or blank is the default, as for an MDE_* variable.
function benchNumber(name: string, fallback: number): number {
  const written = process.env[name]?.trim();
  return written ? asNumber(written) : fallback;
}

// What is wrong with the arguments or settings, in a line; undefined when nothing is.
export function badSetting(args: string[]): string | undefined {
  const onlyAt = args.indexOf('--only');
  const known = ['--startup', '--cpu-prof', '--only'];
  const unknown = args.find((a, i) => !known.includes(a) && !(onlyAt >= 0 && i === onlyAt + 1));
  if (unknown) return `unknown argument "${unknown}"; it takes --startup, --cpu-prof and --only get|cancel`;
  if (onlyAt >= 0 && !['get', 'cancel'].includes(args[onlyAt + 1] ?? ''))
    return `--only takes get or cancel (got "${args[onlyAt + 1] ?? ''}")`;
  // [variable, value, least, whole]: --startup reads only BENCH_EMULATORS.
  const numbers: [string, number, number, boolean][] = args.includes('--startup')
    ? [['BENCH_EMULATORS', EMULATORS, 1, true]]
    : [
        ['BENCH_SECONDS', SECONDS, 1, false],
        ['BENCH_ROUNDS', ROUNDS, 1, true],
        ['BENCH_WARMUP', WARMUP, 0, false],
        ['BENCH_RATE', RATE, 0, false],
      ];
  const wrong = numbers.find(
    ([, value, least, whole]) =>
      !Number.isFinite(value) || value < least || (whole && !Number.isInteger(value)),
  );
  return wrong
    ? `${wrong[0]} must be ${wrong[3] ? 'a whole number' : 'a number'}, ${wrong[2]} or more, written in decimal (got "${process.env[wrong[0]]?.trim()}")`
    : undefined;
}
