import { linkSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { leakScanner } from '../../../src/harness/redaction/leak-scan.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { SECRET, TOKEN, workspace } from './leak-workspace.ts';

test.afterEach(removeTempDirs);

// A scanner scans bytes it found clean once only (the Allure report's linked attachments): a leak is
// still told in every file that holds it, and a file found clean before is searched again once it
// changes.
test('bytes found clean are not searched twice, and every file holding a leak is still named', () => {
  const { root, env } = workspace();
  const report = join(root, 'allure-report');
  mkdirSync(report);
  const clean = join(root, 'allure-results', 'clean-attachment.json');
  writeFileSync(clean, '{"status":404}');
  writeFileSync(join(root, 'allure-results', 'a-attachment.json'), `{"token":"${TOKEN}"}`);
  writeFileSync(join(root, 'allure-results', 'b-attachment.json'), `{"secret":"${SECRET}"}`);
  const scanner = leakScanner({ root, cwd: root, env });
  const results = scanner.scanDirs(['allure-results']);
  expect(results.findings.map((f) => f.file).sort()).toEqual([
    'allure-results/a-attachment.json',
    'allure-results/b-attachment.json',
  ]);
  // The report's copies: a link and a copy of the clean bytes, and copies of the leaking ones.
  linkSync(clean, join(report, 'linked.json'));
  writeFileSync(join(report, 'copied.json'), '{"status":404}');
  writeFileSync(join(report, 'token.json'), `{"token":"${TOKEN}"}`);
  linkSync(join(root, 'allure-results', 'b-attachment.json'), join(report, 'secret.json'));
  const named = ['linked.json', 'copied.json', 'token.json', 'secret.json'].flatMap(
    (name) => scanner.scanFile(join(report, name)).scan.findings,
  );
  expect(named.map((f) => f.file).sort()).toEqual(['allure-report/secret.json', 'allure-report/token.json']);
  // The clean bytes changed: searched again.
  writeFileSync(join(report, 'copied.json'), `{"token":"${TOKEN}"}`);
  expect(
    scanner
      .scanDirs(['allure-report'])
      .findings.map((f) => f.file)
      .sort(),
  ).toEqual(['allure-report/copied.json', 'allure-report/secret.json', 'allure-report/token.json']);
});
