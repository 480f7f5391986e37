import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAllureGenerator } from '../../../src/reporters/allure/allure-generate.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { inlineWorkspace, runInline } from '../helpers/run-inline.ts';
import { SECRET, scan, TOKEN, workspace } from './leak-workspace.ts';

// HTML reports that embed their attachments in index.html (Allure's single file, Playwright's HTML).
test.afterEach(removeTempDirs);

// The single-file Allure report (--single-file, the portable index.html meant for sharing) embeds every
// attachment base64-encoded, as d("<path>","<base64>"): a scan of it alone found nothing there.
test("secrets in an attachment of Allure's single-file report are found, named by the embedded file", () => {
  const { root, env } = workspace();
  mkdirSync(join(root, 'allure-report'));
  const attachment = JSON.stringify({ headers: { authorization: `Bearer ${TOKEN}` }, secret: SECRET });
  const embed = (path: string, data: string) => `d("${path}","${Buffer.from(data).toString('base64')}")`;
  writeFileSync(
    join(root, 'allure-report', 'index.html'),
    `<script>${embed('widgets/nav.json', '[]')},${embed('data/attachments/ab12.json', attachment)}</script>`,
  );
  const { findings } = scan({ root, env, dirs: ['allure-report'] });
  expect(findings).toEqual([
    { file: 'allure-report/index.html!data/attachments/ab12.json', what: 'the value of MDE_CLIENT_SECRET' },
    { file: 'allure-report/index.html!data/attachments/ab12.json', what: 'a JWT-shaped token' },
  ]);
});

// The same through Allure itself, so that a change of its embedding is seen here, not in a shared report.
test('a token in an attachment is found in the single-file report Allure generates', async () => {
  const { root, env } = workspace();
  const results = join(root, 'allure-results');
  const uuid = '0b8f3c52-4a7e-4f0e-9a57-1f2d3c4b5a69';
  writeFileSync(join(results, 'att-1.json'), JSON.stringify({ authorization: `Bearer ${TOKEN}` }));
  writeFileSync(
    join(results, `${uuid}-result.json`),
    JSON.stringify({
      ...{ uuid, historyId: 'h', name: 't', fullName: 't', status: 'passed', stage: 'finished' },
      ...{ start: 1, stop: 2, labels: [], steps: [] },
      attachments: [{ name: 'exchange', source: 'att-1.json', type: 'application/json' }],
    }),
  );
  const generated = await startAllureGenerator({ singleFile: true, cwd: root }).generate();
  expect(generated.generated).toBe(true);
  const { findings } = scan({ root, env, dirs: ['allure-report'] });
  expect(findings).toContainEqual({
    file: expect.stringMatching(/^allure-report\/index\.html!data\/attachments\//),
    what: 'a JWT-shaped token',
  });
});

// Playwright's HTML report (playwright-report/, `--reporter=html`) keeps its data, attachments and
// output included, as a base64 zip inside index.html: a token there went unseen.
test("a token in Playwright's HTML report is found inside its embedded data", async () => {
  const dir = inlineWorkspace({
    'playwright.config.ts': `import { defineConfig } from '@playwright/test';
export default defineConfig({ testDir: '.', reporter: [['html', { open: 'never', outputFolder: 'playwright-report' }]] });`,
    'a.spec.ts': `import { test } from '@playwright/test';
test('an exchange', async ({}, info) => {
  await info.attach('exchange', { body: ${JSON.stringify(`Bearer ${TOKEN}`)}, contentType: 'text/plain' });
});`,
  });
  expect((await runInline(dir)).exitCode).toBe(0);
  const { findings } = scan({ root: dir, env: {}, dirs: ['playwright-report'] });
  expect(findings).toContainEqual({
    file: expect.stringMatching(/^playwright-report\/index\.html!report data \(zip\)!/),
    what: 'a JWT-shaped token',
  });
});
