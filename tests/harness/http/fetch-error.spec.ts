import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describeError } from '../../../src/harness/errors.ts';
import { describeFetchError, PLAIN_HTTP_ANSWER } from '../../../src/harness/http/fetch-error.ts';
import { TLS_ANSWER } from '../../../src/harness/http/speaks-tls.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { httpsStandIn } from '../stand-ins/https-stand-in.ts';

// An https:// URL to a plain-HTTP server fails the TLS handshake with OpenSSL's "wrong version number";
// the user reads what to fix instead of OpenSSL's error text.
let server: Server;
let port: number;

test.beforeAll(async () => {
  server = createServer((_, res) => res.writeHead(404).end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));
test.afterEach(removeTempDirs);

test.describe('describeFetchError', () => {
  test('https:// to a plain-HTTP server, by fetch, says it answered plain HTTP', async () => {
    const error = await fetch(`https://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(describeFetchError(error)).toBe(PLAIN_HTTP_ANSWER);
  });

  test('https:// to a plain-HTTP server, by node:https, says the same', async () => {
    const error = await new Promise((done) =>
      get(`https://127.0.0.1:${port}/`, (res) => done(res.statusCode)).on('error', done),
    );
    expect(describeFetchError(error)).toBe(PLAIN_HTTP_ANSWER);
  });

  test('other protocol errors keep their code and text', () => {
    expect(describeFetchError({ code: 'EPROTO', message: 'write EPROTO unsupported protocol' })).toBe(
      'EPROTO write EPROTO unsupported protocol',
    );
  });

  test('the preflight names the URL to set for a loopback emulator, not an OpenSSL error', async () => {
    const error = await preflight(
      { mode: 'emulator', apiBaseUrl: `https://127.0.0.1:${port}` },
      { timeoutMs: 3_000 },
    ).catch((e: unknown) => e);
    expect(describeError(error)).toBe(
      `TargetUnreachableError: https://127.0.0.1:${port}: ${PLAIN_HTTP_ANSWER}. Set MDE_API_BASE_URL=http://127.0.0.1:${port}`,
    );
  });
});

// The reverse, and the likelier slip: `npm run emulator -- --https` with an http:// MDE_API_BASE_URL
// (the default in emulator mode). The server drops the request, which alone reads as a target down.
test('the preflight says an http:// URL names an https:// service, and the URL to set', async () => {
  const tls = await httpsStandIn(() => ({ status: 404, body: '{}' }));
  const http = tls.url.replace(/^https:/, 'http:');
  const error = await preflight({ mode: 'emulator', apiBaseUrl: http }, { timeoutMs: 3_000 }).catch(
    (e: unknown) => e,
  );
  await tls.close();
  expect(describeError(error)).toBe(
    `TargetUnreachableError: ${http}: ${TLS_ANSWER}. Set MDE_API_BASE_URL=${tls.url} and trust its certificate with NODE_EXTRA_CA_CERTS`,
  );
});

// Trusting the certificate (NODE_EXTRA_CA_CERTS) was the advice for every certificate problem; for an
// expired one, or one for another name (seen with `npm run emulator -- --tls-cert`), it is wrong.
test('a certificate out of its dates or for another host is said so, not "trust it"', async () => {
  const tls = await httpsStandIn(() => ({ status: 404, body: '{}' }));
  // The stand-in's certificate names 127.0.0.1 only; trusted, but reached as localhost.
  const error = await new Promise((done) =>
    get(tls.url.replace('127.0.0.1', 'localhost'), { ca: readFileSync(tls.caFile) }, (res) =>
      done(res.statusCode),
    ).on('error', done),
  );
  await tls.close();
  // The names it holds and the one asked for: a walk's `--tls-cert` for localhost reached as
  // 127.0.0.1 (the address the emulator prints) was told only "use a host it names".
  expect(describeFetchError(error)).toBe(
    'TLS certificate problem (ERR_TLS_CERT_ALTNAME_INVALID): the certificate names 127.0.0.1, not localhost; use a host it names in the URL, or serve one for this host',
  );
  // Its host names alone: a URI (SPIFFE) or e-mail entry is none a client checks.
  const cert = { subjectaltname: 'URI:spiffe://example.org/sa/api, email:ops@example.org, DNS:api.example' };
  expect(describeFetchError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', cert, host: '127.0.0.1' })).toBe(
    'TLS certificate problem (ERR_TLS_CERT_ALTNAME_INVALID): the certificate names api.example, not 127.0.0.1; use a host it names in the URL, or serve one for this host',
  );
  // Without the certificate at hand (another client's error), the words as before.
  expect(describeFetchError({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' })).toBe(
    'TLS certificate problem (ERR_TLS_CERT_ALTNAME_INVALID): the certificate does not name this host; use a host it names in the URL, or serve one for this host',
  );
  // As node:https reports a certificate past its end (the code is the whole signal).
  expect(describeFetchError({ code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' })).toBe(
    'TLS certificate problem (CERT_HAS_EXPIRED): the target serves a certificate outside its dates; serve one valid now',
  );
});
