import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { expect, readableId, req, suite, test } from '../fixtures/index.ts';

// AUTH.INVALID: a bearer token that is no JWT, or a forged one, is refused by the cancel and the reads.

// Bad tokens are forged from a good one, so only the broken part differs.
// One wrong key per algorithm and worker: an RSA key takes a fifth of a second to make.
const wrongKeys = new Map<string, ReturnType<typeof generateKeyPair>>();

// `kid`: the key id the forged header names; by default the original's, so the target looks up its own key.
// `embed`: the header carries the wrong key's public half (jwk), as a verifier that takes a token's own
// key (CVE-2018-0114's kind) would then accept.
async function resigned(token: string, kid?: string, embed = false): Promise<string> {
  const header = { ...decodeProtectedHeader(token), ...(kid ? { kid } : {}) };
  const alg = header.alg && header.alg !== 'none' ? header.alg : 'RS256';
  if (!alg.startsWith('HS') && !wrongKeys.has(alg))
    wrongKeys.set(alg, generateKeyPair(alg, { extractable: true }));
  const pair = alg.startsWith('HS') ? undefined : await wrongKeys.get(alg)!;
  const key = pair
    ? pair.privateKey
    : new TextEncoder().encode('conformance-suite-wrong-key-0123456789abcdef');
  const jwk = embed && pair ? { jwk: await exportJWK(pair.publicKey) } : {};
  return new SignJWT(decodeJwt(token)).setProtectedHeader({ ...header, ...jwk, alg }).sign(key);
}

function unsigned(token: string): string {
  const header = Buffer.from(JSON.stringify({ ...decodeProtectedHeader(token), alg: 'none' })).toString(
    'base64url',
  );
  return `${header}.${token.split('.')[1]}.`;
}

// The claims changed after signing, the signature kept: here the token is given every action role, as
// an app widening its own permissions would. Only a check of the signature over these very claims sees it.
function altered(token: string): string {
  const [h, , s = ''] = token.split('.');
  const claims = decodeJwt(token);
  const roles = Array.isArray(claims['roles']) ? (claims['roles'] as unknown[]) : [];
  const widened = { ...claims, roles: [...new Set([...roles, 'Machine.Isolate', 'Machine.Offboard'])] };
  return `${h}.${Buffer.from(JSON.stringify(widened)).toString('base64url')}.${s}`;
}

function tampered(token: string): string {
  const [h, p, s = ''] = token.split('.');
  const i = Math.floor(s.length / 2);
  return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
}

suite('authentication', () => {
  test('a bearer token that is not a JWT answers 401', req('AUTH.INVALID'), async ({ driver, api }) => {
    const res = await api.cancel(driver.unknownId(), undefined, { authorization: 'Bearer not-a-jwt' });
    expect(res).toHaveStatus(401);
  });

  const forgeries = [
    { what: 'signed with another key', forge: (t: string) => resigned(t) },
    // A key id the target does not publish: a key lookup that falls back to decoding must not let it in.
    {
      what: 'signed with another key under an unknown key id',
      forge: (t: string) => resigned(t, 'conformance-unknown-key-id'),
    },
    // Where a verifier takes a token's own key, or trusts a signature it saw, it does so on every route
    // alike: these two are sent to the cancel alone, sparing a tenant's reads (100 a minute, all spent).
    {
      what: 'signed with another key that its header embeds',
      forge: (t: string) => resigned(t, undefined, true),
      cancelOnly: true,
    },
    { what: "unsigned (alg 'none')", forge: async (t: string) => unsigned(t) },
    { what: 'with a tampered signature', forge: async (t: string) => tampered(t) },
    {
      what: 'with its claims changed after signing',
      forge: async (t: string) => altered(t),
      cancelOnly: true,
    },
  ];
  for (const { what, forge } of forgeries) {
    test(`a token ${what} answers 401`, req('AUTH.INVALID'), async ({ driver, api }) => {
      const token = await driver.token('operator');
      // Its answer is not judged: it shows the target the good token first, as a cache of verified
      // tokens or signatures would then take a forgery that reuses its parts.
      await api.cancel(driver.unknownId(), undefined, { authorization: `Bearer ${token}` });
      const bad = await forge(token);
      const res = await api.cancel(driver.unknownId(), undefined, { authorization: `Bearer ${bad}` });
      expect(res).toHaveStatus(401);
    });
  }

  // The reads too, as for AUTH.MISSING: a read route may sit behind a guard that only decodes the token,
  // or one that takes what the cancel's guard refuses (alg 'none'); so every forgery, in one test.
  test('a forged token answers 401 to a GET and a list', req('AUTH.INVALID'), async ({ driver, api }) => {
    const token = await driver.token('operator');
    // Its answer is not judged: it shows the target the good token first, as a cache of verified tokens
    // keyed without the signature would then take the tampered one.
    await api.list({ $top: 1 }, { authorization: `Bearer ${token}` });
    const id = await readableId(driver);
    for (const { what, forge } of forgeries.filter((f) => !f.cancelOnly)) {
      const authorization = `Bearer ${await forge(token)}`;
      const reads = [
        await api.get(driver.unknownId(), { authorization }),
        await api.list({ $top: 1 }, { authorization }),
      ];
      for (const res of reads) expect(res, `a token ${what}`).toHaveStatus(401);
      // Under /api/v1.0 a route may only decode the token: an action that exists tells a served read.
      // Any 4xx there, as a target without the prefix answers 404 (PATH.VERSIONED).
      if (id)
        expect(
          await api.get(id, { authorization, versioned: true }),
          `a token ${what} under /api/v1.0`,
        ).toHaveStatus('4xx');
    }
  });
});
