import { type Machine, machineWorkers, thisMachine } from '../common/machine-workers.ts';

// Which self-test cases a run covers: MDE_SELFTEST_ONLY narrows them, MDE_SELFTEST_WORKERS sets the
// workers. A misspelt case would otherwise narrow the matrix to nothing, and nothing is trivially green.
export interface SelftestSelection {
  wanted: (name: string) => boolean;
  // The cases MDE_SELFTEST_ONLY names; undefined when every case runs.
  only?: readonly string[];
  workers: number;
  // MDE_SELFTEST_REHEARSAL_PROFILE: the built-in profile the tenant rehearsals' emulators answer in
  // (default: the default profile). The tenant path's real-time waits meet a lagging tenant only so.
  rehearsalProfile?: string;
  // What is wrong with the variables, for the script to report as a ConfigError (exit 2).
  problems: { variable: string; problem: string }[];
}

export function selftestSelection(
  env: NodeJS.ProcessEnv,
  known: readonly string[],
  machine: Machine = thisMachine(),
): SelftestSelection {
  // Empty counts as unset, as a CI matrix leaves a variable it does not use (and a trailing comma is
  // no case either).
  const only = env.MDE_SELFTEST_ONLY?.trim()
    ? env.MDE_SELFTEST_ONLY.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const wanted = (name: string) => !only || only.includes(name);
  const workers = selftestWorkers(env, machine);
  const families = [...new Set(known.map((name) => name.replace(/:.*$/, ':<name>')))];
  const cases = `cases are ${families.join(', ')}; npm run emulator -- --list-faults`;
  const problems = (only ?? [])
    .filter((name) => !known.includes(name))
    .map((name) => ({
      variable: 'MDE_SELFTEST_ONLY',
      problem: `names no self-test case: "${name}" (${familyCases(name, known) ?? cases})`,
    }));
  // Only commas ("," or " , "): not unset, yet no case at all; the run would have no target.
  if (only?.length === 0)
    problems.push({
      variable: 'MDE_SELFTEST_ONLY',
      problem: `names no self-test case, only commas (got "${env.MDE_SELFTEST_ONLY?.trim()}"; ${cases})`,
    });
  // Digits only: Number() would read "0x2" as 2 and "1e1" as 10, a count nobody wrote.
  const written = env.MDE_SELFTEST_WORKERS?.trim();
  if ((written && !/^\d+$/.test(written)) || !Number.isInteger(workers) || workers < 1)
    problems.push({
      variable: 'MDE_SELFTEST_WORKERS',
      problem: `must be a whole number of workers, 1 or more (got "${env.MDE_SELFTEST_WORKERS}")`,
    });
  // The built-in profiles are the cases "profile:<name>".
  const profiles = known.filter((name) => name.startsWith('profile:')).map((name) => name.slice(8));
  const rehearsalProfile = env.MDE_SELFTEST_REHEARSAL_PROFILE?.trim() || undefined;
  if (rehearsalProfile && !profiles.includes(rehearsalProfile))
    problems.push({
      variable: 'MDE_SELFTEST_REHEARSAL_PROFILE',
      problem: `names no built-in profile: "${rehearsalProfile}" (profiles are ${profiles.join(', ')})`,
    });
  return {
    wanted,
    ...(only ? { only } : {}),
    workers,
    ...(rehearsalProfile ? { rehearsalProfile } : {}),
    problems,
  };
}

// A worker a core by default (src/common/machine-workers.ts): the matrix is CPU-bound, both cores of
// a 2-core machine 93 % busy, each worker serving its own emulators; a worker peaks near 0.75 GiB with
// two, less with more. Read by the script and by playwright.selftest.config.ts alike.
export function selftestWorkers(env: NodeJS.ProcessEnv, machine: Machine = thisMachine()): number {
  const set = env.MDE_SELFTEST_WORKERS?.trim();
  return set ? Number(set) : machineWorkers(machine);
}

// The cases of a misspelt name's family, where they are few enough to read in one line (the tenant
// rehearsals, the independent variants, the profiles); faults are listed by the emulator.
const FEW_CASES = 16;
function familyCases(name: string, known: readonly string[]): string | undefined {
  const family = /^([a-z]+):/.exec(name)?.[1];
  if (!family) return undefined;
  const members = known.filter((k) => k.startsWith(`${family}:`));
  if (members.length === 0) return undefined;
  if (members.length > FEW_CASES)
    return `${members.length} ${family} cases${family === 'fault' ? ': npm run emulator -- --list-faults names them' : ''}`;
  return `${family} cases are ${members.join(', ')}`;
}
