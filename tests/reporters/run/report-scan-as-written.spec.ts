import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leakScanner } from '../../../src/harness/redaction/leak-scan.ts';
import type { AllureGenerator } from '../../../src/reporters/allure/allure-generate.ts';
import { finishRun } from '../../../src/reporters/run/finish-run.ts';
import { EXIT } from '../../../src/reporters/run/run-outcome.ts';
import { scanAsWritten } from '../../../src/reporters/run/scan-as-written.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { TOKEN, workspace } from '../leak-scan/leak-workspace.ts';

test.afterEach(removeTempDirs);

// The Allure report is scanned as its files are written (src/reporters/run/scan-as-written.ts): what
// changes after that scan, or is never announced, must still be found, and each finding told once.
test('report files changed after their scan or never announced are read again, each leak told once', async () => {
  const { root } = workspace();
  writeFileSync(
    join(root, 'reports', 'compliance.json'),
    JSON.stringify({
      generatedAt: new Date(0).toISOString(),
      target: { name: 'embedded' },
      summary: { exitCode: 0 },
      requirements: [],
    }),
  );
  const report = join(root, 'allure-report');
  const generator: AllureGenerator = {
    pid: undefined,
    async generate(onWritten) {
      mkdirSync(report);
      const write = (name: string, content: string, announce: boolean) => {
        writeFileSync(join(report, name), content);
        if (announce) onWritten?.(join(report, name));
      };
      write('rewritten.json', '{"clean":true}', true);
      write('leaked.json', `{"token":"${TOKEN}"}`, true);
      write('unannounced.json', `{"token":"${TOKEN}"}`, false);
      write('clean.json', '{"clean":true}', true);
      // Written again after its scan, without a word.
      write('rewritten.json', `{"later":"${TOKEN}"}`, false);
      return { generated: true, durationMs: 0, message: 'allure-report/ generated' };
    },
  };
  const lines: string[] = [];
  const code = await finishRun({
    root,
    cwd: root,
    env: {},
    log: (line) => lines.push(line),
    allure: generator,
  });
  expect(code).toBe(EXIT.LEAKED);
  const findings = lines.filter((line) => line.startsWith('leak-scan: allure-report/')).sort();
  expect(findings).toEqual([
    'leak-scan: allure-report/leaked.json: a JWT-shaped token',
    'leak-scan: allure-report/rewritten.json: a JWT-shaped token',
    'leak-scan: allure-report/unannounced.json: a JWT-shaped token',
  ]);
});

// A file announced again is scanned again; a leak found then must not leave the earlier clean scan to
// vouch for it. Where the kernel keeps coarse timestamps (before Linux 6.13's multigrain ones), a
// rewrite within the same tick keeps the size and mtime: utimes stands in for that clock here.
test('a file announced again with a leak is read by the walk, even with its size and mtime unchanged', () => {
  const { root, env } = workspace();
  const report = join(root, 'allure-report');
  mkdirSync(report);
  const file = join(report, 'widgets.json');
  const clean = `{"x":"${'a'.repeat(TOKEN.length)}"}`;
  const leaked = `{"x":"${TOKEN}"}`;
  const tick = new Date(1_700_000_000_000);
  writeFileSync(file, clean);
  utimesSync(file, tick, tick);
  const reportScan = scanAsWritten(leakScanner({ root, cwd: root, env }));
  reportScan.written(file);
  writeFileSync(file, leaked);
  utimesSync(file, tick, tick);
  reportScan.written(file);
  expect(reportScan.finish('allure-report').findings).toEqual([
    { file: 'allure-report/widgets.json', what: 'a JWT-shaped token' },
  ]);
});

// The walk compares bytes, not size and mtime: a rewrite nobody announced, within the same tick and at
// the same size, is scanned too.
test('a file rewritten unannounced with a leak, size and mtime unchanged, is found by the walk', () => {
  const { root, env } = workspace();
  const report = join(root, 'allure-report');
  mkdirSync(report);
  const file = join(report, 'widgets.json');
  const tick = new Date(1_700_000_000_000);
  writeFileSync(file, `{"x":"${'a'.repeat(TOKEN.length)}"}`);
  utimesSync(file, tick, tick);
  const reportScan = scanAsWritten(leakScanner({ root, cwd: root, env }));
  reportScan.written(file);
  writeFileSync(file, `{"x":"${TOKEN}"}`);
  utimesSync(file, tick, tick);
  expect(reportScan.finish('allure-report').findings).toEqual([
    { file: 'allure-report/widgets.json', what: 'a JWT-shaped token' },
  ]);
});

// Allure moves its plugin's directory up as it ends, so an announced file may be gone, or its directory
// replaced, by the time the script reads the announcement: left to the walk, never the run's error.
test('a file announced and gone by the time it is read is left to the walk, not an error', () => {
  const { root, env } = workspace();
  const report = join(root, 'allure-report');
  mkdirSync(join(report, 'awesome', 'widgets'), { recursive: true });
  const reportScan = scanAsWritten(leakScanner({ root, cwd: root, env }));
  reportScan.written(join(report, 'awesome', 'widgets', 'tree.json'));
  writeFileSync(join(report, 'moved'), '{}');
  reportScan.written(join(report, 'moved', 'tree.json'));
  expect(reportScan.finish('allure-report').findings).toEqual([]);
});
