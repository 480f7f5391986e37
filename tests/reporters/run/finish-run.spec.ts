import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../../src/common/report-files.ts';
import { RUN_ERRORS_FILE } from '../../../src/reporters/allure/allure-run-errors.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { workspace } from '../leak-scan/leak-workspace.ts';
import { allureSpy, finish, PLAN, runDirectory } from './finished-run.ts';

test.afterEach(removeTempDirs);

const EARLIER = '2020-01-01T00:00:00Z';

test("a run that wrote no report (--list) ends with Playwright's code and leaves the earlier run's evidence as it was", async () => {
  const { root, report, result } = runDirectory(EARLIER);
  const before = [readFileSync(report, 'utf8'), readFileSync(result, 'utf8')];
  const allure = allureSpy();
  expect(await finish(root, 0, allure.generator)).toBe(0);
  // Any other code of Playwright's (tests that would not load) proves nothing: a suite error.
  expect(await finish(root, 1, allure.generator)).toBe(2);
  expect(allure.generated).toBe(0);
  expect([readFileSync(report, 'utf8'), readFileSync(result, 'utf8')]).toEqual(before);
});

test("a runner that failed before reporting gets a stopped-run report of its own, not the earlier run's verdict", async () => {
  for (const [playwrightExit, why] of [
    [130, /stopped before Playwright's runner could report/],
    [1, /runner ended \(exit 1\) before its reporters wrote/],
  ] as const) {
    const { root, report, result } = runDirectory(EARLIER);
    expect(await finish(root, playwrightExit, allureSpy().generator, PLAN)).toBe(2);
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(Date.parse(written.generatedAt)).toBeGreaterThan(Date.parse(EARLIER));
    expect(written.summary.exitCode).toBe(2);
    expect(JSON.stringify(written)).toMatch(why);
    // The earlier run's Allure results would read as this run's.
    expect(existsSync(result)).toBe(false);
  }
});

test('a run that wrote its report ends with its code, its Allure results marked and its report generated', async () => {
  const { root, result } = runDirectory(new Date(Date.now() + 60_000).toISOString());
  const allure = allureSpy();
  expect(await finish(root, 1, allure.generator)).toBe(1);
  expect(allure.generated).toBe(1);
  expect(JSON.parse(readFileSync(result, 'utf8'))).toMatchObject({ status: 'broken' });
});

// It said so twice, the generator's "no allure-results/ to generate from" after the suite's own line.
for (const earlier of [true, false])
  test(`a run that ran no test (a --grep matching nothing) says once that it has no Allure report${earlier ? ", and removes the earlier run's" : ''}`, async () => {
    const { root } = runDirectory(new Date(Date.now() + 60_000).toISOString());
    // Playwright found no test: its Allure reporter left no results; allure-report/ is the last run's.
    rmSync(join(root, 'allure-results'), { recursive: true });
    if (earlier) {
      mkdirSync(join(root, 'allure-report'));
      writeFileSync(join(root, 'allure-report', 'summary.json'), '{"stats":{"total":74,"passed":74}}');
    }
    const lines: string[] = [];
    const generator = {
      pid: undefined,
      generate: async () => ({
        generated: false,
        durationMs: 0,
        message: 'no allure-results/ to generate from',
      }),
    };
    expect(await finish(root, 1, generator, PLAN, (line) => lines.push(line))).toBe(1);
    expect(existsSync(join(root, 'allure-report'))).toBe(false);
    expect(lines.filter((line) => line.startsWith('allure'))).toEqual([
      `allure: no test left a result, so no Allure report${earlier ? " (the earlier run's allure-report/ was removed)" : ''}`,
    ]);
  });

test("a run's errors outside any test are handed to Allure before it generates", async () => {
  const { root, report } = runDirectory(new Date(Date.now() + 60_000).toISOString());
  const written = JSON.parse(readFileSync(report, 'utf8'));
  writeFileSync(
    report,
    JSON.stringify({ ...written, runErrors: [{ category: 'suite-error', line: 'shard 2 of 2 is missing' }] }),
  );
  await finish(root, 1, allureSpy().generator);
  expect(readFileSync(join(root, 'allure-results', RUN_ERRORS_FILE), 'utf8')).toContain(
    'shard 2 of 2 is missing',
  );
});

test('a shard, which writes only its records, ends with their code and generates its Allure report', async () => {
  const { root } = runDirectory(EARLIER);
  writeFileSync(
    join(root, RECORDS_FILE),
    JSON.stringify({
      version: 1,
      startedAt: new Date(Date.now() + 60_000).toISOString(),
      tests: [],
      shard: { current: 1, total: 2 },
      shardExitCode: 3,
    }),
  );
  const allure = allureSpy();
  expect(await finish(root, 1, allure.generator)).toBe(3);
  expect(allure.generated).toBe(1);
});

// npm run conformance finishes a run stopped at its preflight without a Playwright run: a shard of it
// wrote records and no report, and read as 0.
test('a shard stopped before its tests ends with the code of its records', async () => {
  const { root } = workspace();
  writeFileSync(
    join(root, RECORDS_FILE),
    JSON.stringify({
      version: 1,
      startedAt: new Date().toISOString(),
      tests: [],
      shard: { current: 1, total: 2 },
      shardExitCode: 3,
    }),
  );
  expect(await finishRun({ root, skipAllure: true, log: () => {} })).toBe(3);
});
