import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { zipEntries } from '../../../src/harness/redaction/zip-entries.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

// What a Playwright trace records of a call through the request context a remote target's calls take
// (src/harness/http/transport.ts, tests/fixtures/target.fixtures.ts): with Playwright's own fixtures,
// the request with its headers, the bearer token among them. The suite's base test switches off the
// recorder that does it (tests/helpers/api-test.ts, for speed), so its traces hold no request. That
// rests on a fixture Playwright does not document: this test says so if a Playwright upgrade brings
// the recording back. A tenant run is refused a trace either way (trace-option.ts).
test.afterEach(removeTempDirs);

const PLAYWRIGHT_CLI = join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js');

// A spec that sends one GET with an Authorization header through transmit(), not lean, to a loopback
// server, from a worker-scoped request context made as the suite makes it; `base` is its `test`.
function probeSpec(base: string): string {
  const path = (p: string) => JSON.stringify(join(repoRoot, p));
  return `import { createServer } from 'node:http';
import type { APIRequestContext } from '@playwright/test';
${base}
import { transmit } from ${path('src/harness/http/transport.ts')};
const test = base.extend<{}, { probeRequest: () => Promise<APIRequestContext> }>({
  probeRequest: [async ({ playwright }, use) => {
    let context: Promise<APIRequestContext> | undefined;
    await use(() => (context ??= playwright.request.newContext()));
    if (context) await (await context).dispose();
  }, { scope: 'worker' }],
});
test('one call', async ({ probeRequest }) => {
  const server = createServer((req, res) => { req.resume(); res.writeHead(200).end('{}'); });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = 'http://127.0.0.1:' + (server.address() as { port: number }).port + '/api/machineactions';
  const headers = { authorization: 'Bearer ' + process.env.PROBE_TOKEN };
  const answer = await transmit({ request: probeRequest, timeoutMs: 10_000 }, false, { url, method: 'GET', headers, contentType: null, quiet: false });
  server.close();
  if (answer.status !== 200) throw new Error('answered ' + answer.status);
});
`;
}

test("a traced call through the request context: Playwright's fixtures record its token, the suite's none", async () => {
  const dir = tempDir('request-context-trace-');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    join(dir, 'probe.config.ts'),
    `export default { testDir: '.', outputDir: 'out', workers: 1, reporter: 'line', captureGitInfo: { commit: false, diff: false } };\n`,
  );
  // By path: a spec outside the repository finds no node_modules of its own.
  const playwrightTest = JSON.stringify(join(repoRoot, 'node_modules', '@playwright', 'test', 'index.mjs'));
  writeFileSync(join(dir, 'stock.spec.ts'), probeSpec(`import { test as base } from ${playwrightTest};`));
  writeFileSync(
    join(dir, 'suite.spec.ts'),
    probeSpec(`import { test as base } from ${JSON.stringify(join(repoRoot, 'tests/helpers/api-test.ts'))};`),
  );
  // Made here, so that no source file the trace keeps holds it.
  const token = `probe-${randomUUID()}`;
  const run = spawnSync(
    process.execPath,
    [PLAYWRIGHT_CLI, 'test', '-c', 'probe.config.ts', '--trace', 'on'],
    {
      cwd: dir,
      env: { ...withoutMdeVariables(), PROBE_TOKEN: token },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const holding = (spec: string) => {
    const zips = readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.startsWith(`${spec}-`) && file.endsWith('trace.zip'),
    );
    expect(zips, spec).toHaveLength(1);
    return zipEntries(readFileSync(join(dir, 'out', zips[0]!)), { left: 1 << 30 })
      .filter((entry) => entry.data.includes(token))
      .map((entry) => entry.name);
  };
  // Playwright's request tracing: the call's headers, in the trace and its network log.
  expect(holding('stock')).toEqual(expect.arrayContaining([expect.stringMatching(/trace\.network$/)]));
  expect(holding('suite')).toEqual([]);
});
