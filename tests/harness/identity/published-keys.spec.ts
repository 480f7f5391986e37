import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotApplicableError } from '../../../src/harness/errors.ts';
import { publishedSigningKeys } from '../../../src/harness/identity/published-keys.ts';
import { expect, test } from '../../helpers/api-test.ts';

// AUTH.INVALID's algorithm-confusion forgery needs the authority's published keys; discovery is no part
// of what an emulator must serve, so an authority without them makes that test N/A, never ERROR.
async function authority(status: number, body: unknown): Promise<{ url: string; close: () => void }> {
  const server = createServer((req, res) => {
    req.resume();
    const found = req.url === '/common/discovery/keys';
    res.writeHead(found ? status : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(found ? body : {}));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => server.close() };
}

test('the RSA keys an authority publishes at /common/discovery/keys are read; others are left out', async () => {
  const rsa = { kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k1' };
  const { url, close } = await authority(200, { keys: [rsa, { kty: 'EC', crv: 'P-256' }] });
  try {
    expect(await publishedSigningKeys(`${url}/`, 5_000)).toEqual([rsa]);
  } finally {
    close();
  }
});

test('an authority that publishes no RSA key, or answers 404, makes the forgery N/A', async () => {
  for (const [status, body] of [
    [404, {}],
    [200, { keys: [] }],
    [200, { keys: 'none' }],
    // An RSA key no RSA public key can be made of (no exponent): nothing to forge with either.
    [200, { keys: [{ kty: 'RSA', n: 'AQAB', kid: 'k1' }] }],
  ] as const) {
    const { url, close } = await authority(status, body);
    try {
      const error = await publishedSigningKeys(url, 5_000).catch((e: unknown) => e);
      expect(error, `${status} ${JSON.stringify(body)}`).toBeInstanceOf(NotApplicableError);
    } finally {
      close();
    }
  }
  const refused = await publishedSigningKeys('http://127.0.0.1:9', 2_000).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(NotApplicableError);
});
