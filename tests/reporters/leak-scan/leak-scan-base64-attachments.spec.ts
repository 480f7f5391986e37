import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { OPAQUE, SECRET, scan, workspace, zip } from './leak-workspace.ts';

test.afterEach(removeTempDirs);

// Playwright's blob report (blob-report/report.zip, `--add-reporter=blob`) keeps each attachment's
// bytes base64-encoded in its report.jsonl ("base64":"..."), and its JSON reporter as "body":"...":
// a secret in an attachment there went unseen by a byte scan (docs/interfaces.md says blob-report/ is
// searched). Checked against a blob report Playwright 1.65 wrote.
function attachmentLine(key: string, content: string): string {
  const attachment = {
    name: 'exchange',
    contentType: 'application/json',
    [key]: Buffer.from(content).toString('base64'),
  };
  return `${JSON.stringify({ method: 'onTestEnd', params: { result: { attachments: [attachment] } } })}\n`;
}

test('a secret in an attachment a blob report keeps base64-encoded is found and named by the attachment', () => {
  const { root, env } = workspace();
  mkdirSync(join(root, 'blob-report'));
  writeFileSync(
    join(root, 'blob-report', 'report.zip'),
    zip('report.jsonl', attachmentLine('base64', `{"requestor":"${SECRET}"}`)),
  );
  expect(scan({ root, env, dirs: ['blob-report'] }).findings).toEqual([
    {
      file: 'blob-report/report.zip!report.jsonl!attachment exchange',
      what: 'the value of MDE_CLIENT_SECRET',
    },
  ]);
});

test("a secret in an attachment of Playwright's JSON report is found; an unrelated body is no finding", () => {
  const { root, env } = workspace();
  writeFileSync(join(root, 'reports', 'results.json'), attachmentLine('body', `client_secret=${SECRET}`));
  writeFileSync(
    join(root, 'reports', 'clean.json'),
    attachmentLine('body', `{"comment":"${OPAQUE.slice(0, 9)}"}`),
  );
  expect(scan({ root, env, dirs: ['reports'] }).findings).toEqual([
    { file: 'reports/results.json!attachment exchange', what: 'the value of MDE_CLIENT_SECRET' },
  ]);
});
