import { asyncContextFrameArgs } from '../../../src/harness/run/async-context-frame.ts';
import { runnerArgv } from '../../../src/harness/run/run-playwright.ts';
import { expect, test } from '../../helpers/api-test.ts';

const FLAG = '--experimental-async-context-frame';

test('on Node 22.7+ a run is given the async context frame that Node 24 has by default', () => {
  expect(asyncContextFrameArgs({}, '22.23.5')).toEqual([FLAG]);
  expect(asyncContextFrameArgs({}, '22.7.0')).toEqual([FLAG]);
});

test("other options of the user's leave the flag to the run", () => {
  expect(asyncContextFrameArgs({ NODE_OPTIONS: '--max-old-space-size=4096' }, '22.23.5')).toEqual([FLAG]);
});

test('Node 20, Node 22 before 22.7 (no such flag) and Node 24 (on by default) get nothing', () => {
  expect(asyncContextFrameArgs({}, '20.20.2')).toEqual([]);
  expect(asyncContextFrameArgs({}, '22.6.0')).toEqual([]);
  expect(asyncContextFrameArgs({}, '24.22.3')).toEqual([]);
});

test('a user who chose either way keeps their choice', () => {
  expect(asyncContextFrameArgs({ NODE_OPTIONS: FLAG }, '22.23.5')).toEqual([]);
  expect(asyncContextFrameArgs({ NODE_OPTIONS: '--no-experimental-async-context-frame' }, '22.23.5')).toEqual(
    [],
  );
  expect(asyncContextFrameArgs({ NODE_OPTIONS: '--no-async-context-frame' }, '22.23.5')).toEqual([]);
});

// Node reads `_` in an option's name as `-`, and the last of two contrary flags wins: a user's
// `--no-experimental_async_context_frame` followed by ours would be overridden.
test("a choice spelt with underscores is the user's choice too", () => {
  for (const chosen of ['--no-experimental_async_context_frame', '--experimental_async-context_frame'])
    expect(asyncContextFrameArgs({ NODE_OPTIONS: chosen }, '22.23.5')).toEqual([]);
});

// An option after the CLI's path would be Playwright's argument, not Node's, and reach no worker.
test("the runner's command line gives the flag to Node, before Playwright's CLI, on Node 22 only", () => {
  const on22 = runnerArgv('playwright.config.ts', ['--grep', '@RATE'], {}, '22.23.5');
  expect(on22[0]).toBe(FLAG);
  expect(on22.slice(-5)).toEqual(['test', '-c', 'playwright.config.ts', '--grep', '@RATE']);
  expect(runnerArgv('playwright.config.ts', [], {}, '24.22.3')).not.toContain(FLAG);
});
