import { connect } from 'node:net';
import { expect, test } from '../../helpers/api-test.ts';
import { rawExchange as exchange, listeningEmulator, parseRawAnswer as parse } from './raw-exchange.ts';

// Requests Node's HTTP parser refuses never reach Fastify's routes; they are answered over real HTTP
// in the same error envelope as every other refusal (docs/emulator.md: Errors).

test.describe('requests the HTTP parser refuses', () => {
  const emulator = listeningEmulator();

  test('a 17 KB URL answers 431 RequestHeaderFieldsTooLarge in the error envelope', async () => {
    const res = await fetch(`${emulator.url}/api/machineactions/${'a'.repeat(17_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Date.parse(res.headers.get('date') ?? '')).not.toBeNaN();
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error['code']).toBe('RequestHeaderFieldsTooLarge');
    expect(body.error['message']).toEqual(expect.any(String));
  });

  test('a malformed request line answers 400 BadRequest in the error envelope', async () => {
    const answer = parse(await exchange(emulator.url, 'NOT A REQUEST\r\n\r\n'));
    expect(answer.status).toBe(400);
    expect(answer.headers).toContain('content-type: application/json');
    expect(answer.body).toEqual({ error: expect.objectContaining({ code: 'BadRequest' }) });
  });

  // Node parses the whole segment at once: the refusal of the third request was written before the
  // answers of the two in flight, and the connection closed under them.
  test('requests pipelined before a malformed one are answered first, in order', async () => {
    const text = await exchange(
      emulator.url,
      'GET /_emulator/clock HTTP/1.1\r\nHost: x\r\n\r\nGET /_emulator/info HTTP/1.1\r\nHost: x\r\n\r\n' +
        'NOT A REQUEST\r\n\r\n',
    );
    const statuses = [...text.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 200, 400]);
    expect(text).toContain('"now"');
    expect(text).toContain('"code":"BadRequest"');
  });

  // Node refused an HTTP/1.1 request without Host itself, a bare 400 with no envelope; an HTTP/1.0 one
  // was served, its @odata.context reading "http:///api/...".
  for (const [where, version] of [
    ['/_emulator/clock', '1.1'],
    ['/api/machineactions', '1.1'],
    ['/api/machineactions', '1.0'],
    ['/tenant/oauth2/v2.0/token', '1.1'],
  ] as const)
    test(`an HTTP/${version} request to ${where} without Host answers 400 with what to send`, async () => {
      const answer = parse(
        await exchange(
          emulator.url,
          `${where.includes('oauth2') ? 'POST' : 'GET'} ${where} HTTP/${version}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
        ),
      );
      expect(answer.status).toBe(400);
      expect(answer.headers).toContain('content-type: application/json');
      // The token endpoint refuses in Entra's shape, every other route in the envelope.
      const code = where.includes('oauth2')
        ? answer.body['error']
        : (answer.body['error'] as { code: string }).code;
      expect(code).toBe(where.includes('oauth2') ? 'invalid_request' : 'BadRequest');
    });

  // Node answered these itself: a bare 417 with no body, and a CONNECT with the connection closed.
  for (const [what, raw, status, code] of [
    [
      'an Expect other than 100-continue',
      'POST /_emulator/clock/advance HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      417,
      'ExpectationFailed',
    ],
    ['a CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', 405, 'MethodNotAllowed'],
  ] as const)
    test(`${what} answers ${status} ${code} in the error envelope`, async () => {
      const answer = parse(await exchange(emulator.url, raw));
      expect(answer.status).toBe(status);
      expect(answer.headers).toContain('content-type: application/json');
      expect(answer.body).toEqual({ error: expect.objectContaining({ code }) });
    });

  test('a client that closes its connection mid-request leaves the emulator serving', async () => {
    const { hostname, port } = new URL(emulator.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(`GET /${'a'.repeat(20_000)} HTTP/1.1\r\n`);
        socket.destroy();
        resolve();
      });
    });
    const res = await fetch(`${emulator.url}/api/machineactions`);
    expect(res.status).toBe(401);
  });
});

test.describe('requests that never finish arriving', () => {
  const emulator = listeningEmulator({ requestTimeoutMs: 300 });

  // Headers alone always timed out; a body did not, and its connection stayed open for good.
  for (const [what, raw] of [
    ['headers that stop', 'GET /_emulator/clock HTTP/1.1\r\nHost: x\r\n'],
    [
      'a body shorter than its Content-Length',
      'POST /_emulator/clock/advance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"sec',
    ],
    [
      'a chunked body that never ends',
      'POST /_emulator/clock/advance HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n5\r\n{"sec\r\n',
    ],
  ] as const)
    test(`${what} answer 408 RequestTimeout and the connection closes`, async () => {
      const answer = parse(await exchange(emulator.url, raw));
      expect(answer.status).toBe(408);
      expect(answer.body).toEqual({ error: expect.objectContaining({ code: 'RequestTimeout' }) });
    });
});
