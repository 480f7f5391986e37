import { expect, test } from '../helpers/api-test.ts';
import { runRecordingLoads } from '../helpers/loaded-modules.ts';
import { runScript } from '../helpers/script-env.ts';
import { removeTempDirs } from '../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// npm run selftest stops on a bad command line or selection before any emulator starts: one line and
// exit 2 (exit 1 would read as a broken case), never Playwright's usage or a stack trace. A bad option
// is refused before the matrix loads: it loaded 337 modules first (Playwright's runner, the emulator,
// the contract), a second of CPU for one line.
test('an argument other than --help is one line and exit 2; --help prints the usage and exits 0', () => {
  for (const [arg, line] of [
    ['--bogus', "self-test: Unknown option '--bogus' (see --help)"],
    ['--grep', "self-test: Unknown option '--grep' (see --help)"],
    ['extra', "self-test: Unexpected argument 'extra' (see --help)"],
  ] as const) {
    const { run, loaded } = runRecordingLoads('scripts/selftest.ts', ['--', arg]);
    expect(run.stderr.trim().split('\n')).toEqual([line]);
    expect(run.status).toBe(2);
    expect(loaded).not.toContain('scripts/selftest-matrix.ts');
    expect(loaded.filter((m) => m.startsWith('@playwright/') || m.startsWith('src/emulator/'))).toEqual([]);
    expect(loaded.length).toBeLessThan(20);
  }
  const help = runScript('selftest.ts', '--', '--help');
  expect(help.stdout).toMatch(/^Usage: npm run selftest/);
  expect(help.status).toBe(0);
});

// Refused before the matrix loads too: it loaded Playwright's runner and the reporters for one line.
test('MDE_SELFTEST_ONLY of commas alone is a ConfigError line and exit 2', () => {
  const { run, loaded } = runRecordingLoads('scripts/selftest.ts', [], { MDE_SELFTEST_ONLY: ',' });
  expect(run.stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^ConfigError: MDE_SELFTEST_ONLY names no self-test case, only commas/),
  ]);
  expect(run.status).toBe(2);
  expect(loaded).not.toContain('scripts/selftest-matrix.ts');
  expect(loaded.filter((m) => m.startsWith('@playwright/'))).toEqual([]);
});
