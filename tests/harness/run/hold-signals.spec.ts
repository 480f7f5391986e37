import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';

// After the tests, a stop signal waits for the run's evidence; a second one stops the script at once.
// Real signals, to a process of its own: the listeners are the script's, not a test worker's.
const HOLD = pathToFileURL(join(repoRoot, 'src', 'harness', 'run', 'hold-signals.ts')).href;

function finishing(signals: string[]) {
  const script = `const { holdSignalsWhile } = await import(${JSON.stringify(HOLD)});
const code = await holdSignalsWhile(async () => {
  // Apart, as a user's or a CI runner's would be: two pending signals of a kind may merge into one.
  for (const signal of ${JSON.stringify(signals)}) {
    process.kill(process.pid, signal);
    await new Promise((done) => setTimeout(done, 30));
  }
  await new Promise((done) => setTimeout(done, 300));
  console.log('evidence written');
  return 2;
});
process.exitCode = code;`;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

test('a stop signal while the evidence is written waits for it, and the run keeps its exit code', () => {
  const run = finishing(['SIGTERM']);
  expect(run.stdout).toContain('evidence written');
  expect(run.stderr).toMatch(/^SIGTERM: the tests have ended; finishing this run's evidence first/);
  expect([run.status, run.signal]).toEqual([2, null]);
});

test('a second signal stops the script at once, as a second Ctrl-C would', () => {
  const run = finishing(['SIGINT', 'SIGINT']);
  expect(run.stdout).not.toContain('evidence written');
  expect(run.status).toBe(130);
});
