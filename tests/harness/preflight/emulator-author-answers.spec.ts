import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ControlClient } from '../../../src/harness/drivers/emulator/control-client.ts';
import { describeError } from '../../../src/harness/errors.ts';
import { answerExcerpt } from '../../../src/harness/http/answer-excerpt.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';

// What an emulator author reads when a hand-made emulator answers its control protocol or token
// endpoint otherwise than docs/interfaces.md says (run against one in node:http, outside the repo): a
// 500 error page showed its <head> and CSS, cut before the exception; a token endpoint's 500 read "no
// access_token in 289 bytes ... Check MDE_AUTH_BASE_URL and that the token endpoint is reachable"; a
// clock answering 200 with the wrong body or 500 was told to check MDE_CONTROL_BASE_URL.

const PAGE =
  '<!DOCTYPE html><html><head><title>500 Internal Server Error</title><style>body{font-family:sans-serif}</style></head>' +
  "<body><h1>Internal Server Error</h1><p>TypeError: Cannot read properties of undefined (reading 'push')<br>&nbsp;&nbsp;at routes/machines.js:42:17</p></body></html>";
const SAID =
  "Internal Server Error TypeError: Cannot read properties of undefined (reading 'push') at routes/machines.js:42:17";

type Route = { status: number; type?: string; body: string };
const servers: Server[] = [];

async function emulator(routes: Record<string, Route>): Promise<string> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/[^/]+\/oauth2\/v2\.0\/token$/, '/token');
    const route = routes[path] ?? { status: 404, body: '' };
    req.resume();
    req.on('end', () =>
      res.writeHead(route.status, { 'content-type': route.type ?? 'application/json' }).end(route.body),
    );
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
test.afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

const html = (status: number): Route => ({ status, type: 'text/html; charset=utf-8', body: PAGE });
const clock: Route = { status: 200, body: '{"now":"2026-01-01T00:00:00Z"}' };
const line = async (url: string) =>
  describeError(await preflight({ mode: 'emulator', apiBaseUrl: url }, { timeoutMs: 3_000 }).catch((e) => e));

test('an error page is told by its text, not its markup; other answers by their body', () => {
  expect(answerExcerpt(PAGE, 'text/html')).toBe(`an HTML page: ${SAID}`);
  expect(answerExcerpt(PAGE, undefined)).toBe(`an HTML page: ${SAID}`);
  expect(answerExcerpt('<html><head><title>Oops</title></head><body></body></html>', 'text/html')).toBe(
    'an HTML page: Oops',
  );
  expect(answerExcerpt('{"ok":true}', 'application/json')).toBe('body {"ok":true}');
  expect(answerExcerpt('', 'text/html')).toBe('no body');
  expect(answerExcerpt(`<p>${'x'.repeat(500)}</p>`, 'text/html').length).toBeLessThan(220);
});

test('a control endpoint answering a 500 error page is told by the page text', async () => {
  const url = await emulator({ '/_emulator/machines': html(500) });
  const error = await new ControlClient(url, 3_000)
    .registerMachine({ tenantId: 't', id: 'm', computerDnsName: 'm.example' })
    .catch((e: unknown) => e);
  expect(describeError(error)).toBe(
    `ControlProtocolError: ${url}/_emulator/machines answered 500: expected 201; an HTML page: ${SAID}. The emulator must answer as docs/interfaces.md#control-protocol says.`,
  );
});

test('a clock that fails with 500 says so and what the clock must answer, not to check the URL', async () => {
  const url = await emulator({ '/_emulator/clock': html(500) });
  expect(await line(url)).toBe(
    `TargetAnswerError: ${url}/_emulator/clock: answered 500 instead of 200 {"now": ...}; an HTML page: ${SAID}. The emulator failed (its log may say why); GET /_emulator/clock must answer 200 {"now": "<RFC 3339 UTC>"} (docs/interfaces.md#control-protocol)`,
  );
});

test('a clock answering 200 with another body says what it must answer, not to check the URL', async () => {
  const url = await emulator({
    '/_emulator/clock': { status: 200, body: '{"time":"2026-01-01T00:00:00Z"}' },
  });
  const said = await line(url);
  expect(said).toContain('answered 200, but expected {"now": "<RFC 3339>"}, got {"time":');
  expect(said).toContain('GET /_emulator/clock must answer 200 {"now": "<RFC 3339 UTC>"}');
  expect(said).not.toContain('MDE_CONTROL_BASE_URL');
});

test('a token endpoint failing with a 500 error page is told by its text and as a failure, not as unreachable', async () => {
  const url = await emulator({
    '/_emulator/clock': clock,
    '/_emulator/apps': { status: 201, body: '' },
    '/token': html(500),
  });
  const said = await line(url);
  expect(said).toContain(`: no token: no access_token in the answer, an HTML page: ${SAID} (500). `);
  expect(said).toContain(
    'The token endpoint failed (its log may say why); it must answer as docs/interfaces.md#emulator-token-endpoint describes',
  );
});

test('a token endpoint refusing the app the preflight registered says the registration is what failed', async () => {
  const url = await emulator({
    '/_emulator/clock': clock,
    '/_emulator/apps': { status: 201, body: '' },
    '/token': { status: 401, body: '{"error":"invalid_client"}' },
  });
  expect(await line(url)).toContain(
    'no token: invalid_client (401). The token endpoint must issue a token to an app registered with POST /_emulator/apps',
  );
});

test('a control endpoint too slow to answer names the setting that bounds it', async () => {
  const server = createServer(() => {});
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const error = await new ControlClient(url, 300)
    .seedAction({ tenantId: 't', machineId: 'm', type: 'RunAntiVirusScan', status: 'Pending' })
    .catch((e: unknown) => e);
  server.closeAllConnections();
  expect(describeError(error)).toBe(
    `ControlProtocolError: ${url}/_emulator/machineactions did not answer: no answer within 300 ms (MDE_REQUEST_TIMEOUT_SECONDS): the control protocol must answer sooner, or raise it`,
  );
});

// An emulator author's walk (walk7) served its token endpoint at /{tenant}/oauth2/token (Entra's v1
// path): the 404 there was told "check MDE_AUTH_BASE_URL and that the token endpoint is reachable",
// though it was reached and no origin would fix the path. The line says where the endpoint must be.
test('a token endpoint answering 404 says the path it must serve, and the variable for another origin', async () => {
  const url = await emulator({ '/_emulator/clock': clock, '/_emulator/apps': { status: 201, body: '{}' } });
  const said = await line(url);
  expect(said).toContain('(404)');
  expect(said).toContain(
    'Serve the token endpoint at POST /{tenantId}/oauth2/v2.0/token, or set MDE_AUTH_BASE_URL to the origin that does (docs/interfaces.md#emulator-token-endpoint)',
  );
  expect(said).not.toContain('reachable');
});
