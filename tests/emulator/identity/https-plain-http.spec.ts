import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { testKeys } from '../test-keys.ts';

// A plain-HTTP request on the HTTPS port (an http:// URL beside `npm run emulator -- --https`) was
// closed with no answer: curl said "Empty reply from server". It is answered 400 in the envelope,
// naming the https:// origin to use; TLS clients are served as before.

let emulator: RunningEmulator;
let port: number;

// One group, so the beforeAll (HTTPS emulator) runs once: in parallel, Playwright splits a file with a
// beforeAll into a group a worker, and each group runs it again.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, https: true }, await testKeys({ https: true }));
  port = Number(new URL(emulator.url).port);
});
test.afterAll(() => emulator.close());

function send(
  request: typeof httpRequest,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, method: 'GET', headers, ca: emulator.certificatePem };
    request(options, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    })
      .on('error', reject)
      .end();
  });
}

test('a plain-HTTP request is answered 400 in the envelope, naming the https:// origin, and closed', async () => {
  const answer = await send(httpRequest, '/_emulator/clock');
  expect(answer.status).toBe(400);
  expect(answer.headers.connection).toBe('close');
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('BadRequest');
  expect(body.error.message).toContain(`https://127.0.0.1:${port}`);
  expect(body.error.message).toContain('speaks HTTPS');
});

test('the origin named is the Host the client used, not one made up from anything it sent', async () => {
  const named = await send(httpRequest, '/api/machineactions', { host: `localhost:${port}` });
  expect(JSON.parse(named.text).error.message).toContain(`https://localhost:${port},`);
  const odd = await send(httpRequest, '/', { host: 'evil.example/<script>' });
  expect(JSON.parse(odd.text).error.message).toContain(`https://127.0.0.1:${port},`);
});

test('TLS clients are served as before, also after plain requests and over a kept-alive connection', async () => {
  await send(httpRequest, '/_emulator/clock');
  const first = await send(httpsRequest, '/_emulator/clock');
  expect(first.status).toBe(200);
  expect(JSON.parse(first.text)).toHaveProperty('now');
  expect((await send(httpsRequest, '/_emulator/clock')).status).toBe(200);
});

test('bytes that are neither TLS nor HTTP get no answer, as before; a silent client does not block others', async () => {
  const silent = connect(port, '127.0.0.1');
  await new Promise((done) => silent.once('connect', done));
  const junk = connect(port, '127.0.0.1');
  let received = 0;
  junk.on('data', (chunk: Buffer) => {
    received += chunk.length;
  });
  junk.on('error', () => {});
  junk.end('\x01\x02 not a request\r\n\r\n');
  await new Promise((done) => junk.once('close', done));
  expect(received).toBe(0);
  expect((await send(httpsRequest, '/_emulator/clock')).status).toBe(200);
  silent.destroy();
});

test('close() ends a connection that has not sent its first bytes yet', async () => {
  const own = await startEmulator({ port: 0, https: true }, await testKeys({ https: true }));
  const socket = connect(Number(new URL(own.url).port), '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((done) => socket.once('connect', done));
  const closed = new Promise((done) => socket.once('close', done));
  await own.close();
  await closed;
});

// A client may write its request line in pieces (a proxy, a slow link, a hand-typed telnet session):
// only the first piece was looked at, and a request line cut before its end went to TLS, which closed
// the connection with no answer, as before the plain-HTTP answer existed.
test('a plain-HTTP request line that arrives in pieces is answered 400 all the same', async () => {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  socket.on('error', () => {});
  const closed = new Promise((done) => socket.once('close', done));
  await new Promise((done) => socket.once('connect', done));
  for (const piece of ['G', 'ET /api/mach', 'ineactions HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n']) {
    socket.write(piece);
    await new Promise((done) => setTimeout(done, 30));
  }
  await closed;
  expect(text).toMatch(/^HTTP\/1\.1 400 /);
});
