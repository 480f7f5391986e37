import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import {
  details,
  type InlineRun,
  inlineWorkspace,
  planOf,
  REPORTER,
  removeWorkspaces,
  runInline,
} from '../../reporters/helpers/run-inline.ts';

const src = (path: string) => join(repoRoot, 'src', ...path.split('/'));
// A token of no known shape, as an emulator may issue: known to the worker that was issued it.
const TOKEN = 'opaque_Reflected-token-7Qm3x9';

// A target that reflects the Authorization header it was sent into an answer's header: the checks
// made on every exchange quote that header (SCHEMA.CONTENTTYPE: "Content-Type expected
// application/json, got ..."), and the finding travelled as a Playwright annotation, which the
// redacting reporter does not rewrite: the Allure reporter names a step after it, the compliance
// reporter knows the worker's tokens not even by fingerprint, and Playwright's JUnit reporter writes
// every annotation as a property (the compliance reporter takes findings out of reports/junit.xml
// afterwards, unless the run stops first). The token was written to allure-results/ and compliance.json.
const SPEC = `
import { test } from '@playwright/test';
import { checkExchange } from '${src('harness/http/exchange-checks.ts')}';
import { recordExchange } from '${src('harness/http/recorder.ts')}';
import { recordIssuedSecret } from '${src('harness/redaction/secret-fingerprints.ts')}';
test('a target reflects the token into its Content-Type', ${details('CANCEL.NOTFOUND')}, async () => {
  recordIssuedSecret('${TOKEN}');
  const exchange = {
    operationId: 'GetMachineAction',
    method: 'GET',
    url: 'http://127.0.0.1:1/api/machineactions/x',
    pathTemplate: '/api/machineactions/{id}',
    requestHeaders: { authorization: 'Bearer ${TOKEN}' },
    status: 404,
    headers: { 'content-type': 'text/plain; echo=Bearer ${TOKEN}' },
    text: '{"error":{"code":"ResourceNotFound","message":"no"}}',
    body: { error: { code: 'ResourceNotFound', message: 'no' } },
    durationMs: 1,
    receivedAt: 0,
  };
  await recordExchange(exchange, checkExchange(exchange), 'full');
});
`;

const REPORTERS = [
  `['${src('reporters/run/redacting-reporter.ts')}']`,
  `['junit', { outputFile: 'junit.xml' }]`,
  `['${REPORTER}']`,
  `['${src('reporters/allure/allure-reporter.ts')}', { resultsDir: 'allure-results' }]`,
];
const CONFIG = `export default {
  testDir: '.', workers: 1,
  reporter: [${REPORTERS.join(', ')}],
  metadata: { plan: ${JSON.stringify(planOf(['embedded']))} },
};\n`;

let runs: Record<string, Promise<InlineRun>> | undefined;
test.afterAll(() => removeWorkspaces(runs));

test('a token a target reflects into a header a check quotes reaches no file the run writes', async () => {
  const dir = inlineWorkspace({ 'playwright.config.ts': CONFIG, 'reflect.spec.ts': SPEC });
  const run = runInline(dir);
  runs = { run };
  const { output, read } = await run;
  // The finding is there, saying what was wrong; only the token is not.
  expect(read('reports/compliance.json'), output).toContain('Content-Type expected application/json');
  const holding = filesUnder(dir).filter((file) => readFileSync(file, 'latin1').includes(TOKEN));
  expect(holding.map((file) => file.slice(dir.length + 1))).toEqual([]);
});

// Every file the run wrote but its spec (the workspace's link to node_modules is not followed).
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.spec.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
