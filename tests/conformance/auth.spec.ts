import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import {
  expect,
  expectProtectedUnchanged,
  judgeVersionedRefusal,
  protectedAction,
  readableId,
  req,
  stateBefore,
  suite,
  test,
} from '../fixtures/index.ts';

// Bad tokens are forged from a good one, so only the broken part differs.
// One wrong key per algorithm and worker: an RSA key takes a fifth of a second to make.
const wrongKeys = new Map<string, ReturnType<typeof generateKeyPair>>();

// `kid`: the key id the forged header names; by default the original's, so the target looks up its own key.
async function resigned(token: string, kid?: string): Promise<string> {
  const header = { ...decodeProtectedHeader(token), ...(kid ? { kid } : {}) };
  const alg = header.alg && header.alg !== 'none' ? header.alg : 'RS256';
  if (!alg.startsWith('HS') && !wrongKeys.has(alg)) wrongKeys.set(alg, generateKeyPair(alg));
  const key = alg.startsWith('HS')
    ? new TextEncoder().encode('conformance-suite-wrong-key-0123456789abcdef')
    : (await wrongKeys.get(alg)!).privateKey;
  return new SignJWT(decodeJwt(token)).setProtectedHeader({ ...header, alg }).sign(key);
}

function unsigned(token: string): string {
  const header = Buffer.from(JSON.stringify({ ...decodeProtectedHeader(token), alg: 'none' })).toString(
    'base64url',
  );
  return `${header}.${token.split('.')[1]}.`;
}

function tampered(token: string): string {
  const [h, p, s = ''] = token.split('.');
  const i = Math.floor(s.length / 2);
  return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
}

suite('authentication', () => {
  test(
    'a cancel without Authorization answers 401 Unauthorized with the error envelope and changes nothing',
    req('AUTH.MISSING'),
    async ({ driver, api, need }) => {
      const target = await need(protectedAction(driver));
      const before = await stateBefore(driver, api, target);
      const res = await api.cancel(target.id, { Comment: 'conformance: no auth' }, { authorization: null });
      // The code of a 401 is documented (docs/contract.md#auth-errors); only its message is open.
      expect(res).toBeErrorEnvelope(401, ['Unauthorized']);
      // A versioned route may lack the guard. Any 4xx there: a target without /api/v1.0 answers 404
      // (PATH.VERSIONED, a SHOULD, says so, as it does a refusal worded apart); a 2xx serves the call.
      // The GET names an action that exists.
      const versioned = [
        await api.cancel(
          target.id,
          { Comment: 'conformance: no auth' },
          { authorization: null, versioned: true },
        ),
        await api.get(target.id, { authorization: null, versioned: true }),
      ];
      for (const answer of versioned) expect(answer, 'refused under /api/v1.0').toHaveStatus('4xx');
      judgeVersionedRefusal(res, versioned[0]!);
      await expectProtectedUnchanged(driver, api, target, before);
    },
  );

  // "A call": the reads as well as the cancel, since a route whose guard was left off serves anyone.
  // An unknown id costs no set-up, and no lawful target looks up an id before it authenticates.
  test(
    'a GET or a list without Authorization answers 401 Unauthorized with the error envelope',
    req('AUTH.MISSING'),
    async ({ driver, api }) => {
      const reads = [
        await api.get(driver.unknownId(), { authorization: null }),
        await api.list({ $top: 1 }, { authorization: null }),
      ];
      for (const res of reads) expect(res).toBeErrorEnvelope(401, ['Unauthorized']);
      // The list under /api/v1.0 too, where a versioned route may lack the guard: any 4xx, as in the
      // cancel's test (a target without the prefix answers 404); a 2xx serves it.
      const versioned = await api.list({ $top: 1 }, { authorization: null, versioned: true });
      expect(versioned, 'the list refused under /api/v1.0').toHaveStatus('4xx');
    },
  );

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
    { what: "unsigned (alg 'none')", forge: async (t: string) => unsigned(t) },
    { what: 'with a tampered signature', forge: async (t: string) => tampered(t) },
  ];
  for (const { what, forge } of forgeries) {
    test(`a token ${what} answers 401`, req('AUTH.INVALID'), async ({ driver, api }) => {
      const bad = await forge(await driver.token('operator'));
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
    for (const { what, forge } of forgeries) {
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

  // No scheme at all as well: a parser that only strips a leading 'Bearer ' takes a bare token.
  // The reads too, as for AUTH.MISSING: a read route's guard may parse the header its own way.
  for (const [what, header] of [
    ['a scheme other than Bearer', (t: string) => `Basic ${t}`],
    ['no scheme', (t: string) => t],
  ] as const) {
    test(
      `a valid token under ${what} answers 401 to a cancel, a GET and a list`,
      req('AUTH.SCHEME'),
      async ({ driver, api }) => {
        const authorization = header(await driver.token('operator'));
        const answers = [
          await api.cancel(driver.unknownId(), undefined, { authorization }),
          await api.get(driver.unknownId(), { authorization }),
          await api.list({ $top: 1 }, { authorization }),
        ];
        for (const res of answers) expect(res).toHaveStatus(401);
        // Under /api/v1.0, as for a forged token: any 4xx to a read of an action that exists.
        const id = await readableId(driver);
        if (id)
          expect(await api.get(id, { authorization, versioned: true }), 'under /api/v1.0').toHaveStatus(
            '4xx',
          );
      },
    );
  }

  test(
    'a valid token for another audience answers 403 and changes nothing',
    req('AUTH.AUDIENCE'),
    async ({ driver, api, need }) => {
      const token = await need(driver.token('other-audience'));
      const authorization = `Bearer ${token}`;
      const res = await api.cancel(driver.unknownId(), undefined, { authorization });
      expect(res).toHaveStatus(403);
      // A versioned route may check the audience apart, on a cancel or a GET by id: an action that
      // exists tells a served call (2xx) from a refused one. Any 4xx there, as a target without
      // /api/v1.0 answers 404 (PATH.VERSIONED).
      const target = await need(protectedAction(driver));
      const before = await stateBefore(driver, api, target);
      const versioned = [
        await api.cancel(
          target.id,
          { Comment: 'conformance: other audience' },
          { authorization, versioned: true },
        ),
        await api.get(target.id, { authorization, versioned: true }),
      ];
      for (const answer of versioned) expect(answer, 'refused under /api/v1.0').toHaveStatus('4xx');
      await expectProtectedUnchanged(driver, api, target, before);
    },
  );

  // The reads too, as for AUTH.MISSING: an audience check left off a read route serves any resource's token.
  test(
    'a valid token for another audience answers 403 to a GET and a list',
    req('AUTH.AUDIENCE'),
    async ({ driver, api, need }) => {
      const token = await need(driver.token('other-audience'));
      const authorization = `Bearer ${token}`;
      const reads = [
        await api.get(driver.unknownId(), { authorization }),
        await api.list({ $top: 1 }, { authorization }),
      ];
      for (const res of reads) expect(res).toHaveStatus(403);
      // A versioned route may check the audience apart. Any 4xx there, as a target without /api/v1.0
      // answers 404 (PATH.VERSIONED); the list, served to the caller's tenant, shows a 2xx.
      const versioned = await api.list({ $top: 1 }, { authorization, versioned: true });
      expect(versioned, 'refused under /api/v1.0').toHaveStatus('4xx');
    },
  );
});
