import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '../../helpers/api-test.ts';
import { CONFORMANCE_ARGS, withoutMdeVariables } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// The preflight waits for each answer as long as MDE_REQUEST_TIMEOUT_SECONDS allows any exchange: a
// control protocol that answers in 3.5 s is slow, not gone, and its answer is what the line is about.
// Past the 3 s each probe once had, well within the 8 s set: the run waits for the answer, not the
// setting, and a loaded machine may hold a child process back for a second.
test("the preflight waits MDE_REQUEST_TIMEOUT_SECONDS for the control protocol's answer", async () => {
  const server = createServer((req, res) => {
    if (req.url === '/_emulator/clock')
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"later":1}'), 3_500);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Not spawnSync: the stand-in answers from this process.
  const run = await new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, CONFORMANCE_ARGS, {
      cwd: tempDir('conformance-slow-'),
      env: {
        ...withoutMdeVariables(),
        MDE_TARGET: 'emulator',
        MDE_API_BASE_URL: url,
        MDE_REQUEST_TIMEOUT_SECONDS: '8',
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => done({ status, stderr }));
  });
  server.close();
  expect(run.stderr).toContain('answered 200, but expected {"now": "<RFC 3339>"}');
  expect(run.stderr).not.toContain('no answer within');
  expect(run.status).toBe(3);
});
