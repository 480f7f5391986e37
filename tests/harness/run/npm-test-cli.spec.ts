import { expect, test } from '../../helpers/api-test.ts';
import { runScript } from '../../helpers/script-env.ts';

// `npm test -- --help` (or a typo, or a folder as `npx playwright test` takes one) must not start the
// whole five-minute run, arguments ignored. As the other scripts: --help prints the usage, exit 0;
// anything else is one line and exit 2, before lint or any test starts.
test('npm test takes --help alone: the usage and exit 0; anything else is one line and exit 2', () => {
  for (const [arg, line] of [
    ['--hepl', "test: Unknown option '--hepl' (see --help)"],
    ['tests/harness', "test: Unexpected argument 'tests/harness' (see --help)"],
  ] as const) {
    const run = runScript('test.ts', '--', arg);
    expect(run.stderr.trim().split('\n')).toEqual([line]);
    expect(run.stdout).not.toContain('▶');
    expect(run.status).toBe(2);
  }
  const help = runScript('test.ts', '--', '--help');
  expect(help.stdout).toMatch(/^Usage: npm test/);
  expect(help.stdout).not.toContain('▶');
  expect(help.status).toBe(0);
});
