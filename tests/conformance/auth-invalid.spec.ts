import {
  expect,
  expectActiveCancelRefused,
  expectBadTokenRefused,
  expectRefusedByEveryOperation,
  FORGERIES,
  forgedHeaders,
  keyConfusedTokens,
  readableId,
  req,
  suite,
  test,
} from '../fixtures/index.ts';

// AUTH.INVALID: a bearer token that is no JWT, or a forged one, is refused by the cancel and the reads.

suite('authentication', () => {
  test('a bearer token that is not a JWT answers 401', req('AUTH.INVALID'), async ({ driver, api }) => {
    const res = await api.cancel(driver.unknownId(), undefined, { authorization: 'Bearer not-a-jwt' });
    expect(res).toHaveStatus(401);
  });

  // The scheme with nothing after it is a malformed header too: a guard that validates a token only
  // when one follows the scheme lets it through. The reads as well, which may sit behind such a guard.
  test(
    'the Bearer scheme with no token answers 401 to a cancel, a GET and a list',
    req('AUTH.INVALID'),
    async ({ driver, api }) => {
      await expectBadTokenRefused(driver, api, 'Bearer');
    },
  );

  for (const { what, forge } of FORGERIES) {
    test(`a token ${what} answers 401`, req('AUTH.INVALID'), async ({ driver, api, need }) => {
      const token = await driver.token('operator');
      // Forged first: a token that cannot be forged from (no JWT) skips the test before any call.
      const bad = await need(forge(token));
      // Its answer is not judged: it shows the target the good token first, as a cache of verified
      // tokens or signatures would then take a forgery that reuses its parts.
      await api.cancel(driver.unknownId(), undefined, { authorization: `Bearer ${token}` });
      const res = await api.cancel(driver.unknownId(), undefined, { authorization: `Bearer ${bad}` });
      expect(res).toHaveStatus(401);
    });
  }

  // Algorithm confusion: the key that verifies the API's tokens is published, so a verifier that keys
  // an HMAC with it when the header says HS256 takes anyone's token. A cancel, a GET and a list, as a
  // read route may verify its own way; N/A where the authority publishes no key to forge with.
  test(
    "a token re-signed HS256 with the authority's published key answers 401",
    req('AUTH.INVALID'),
    async ({ driver, api, need }) => {
      const token = await driver.token('operator');
      const forged = await need(keyConfusedTokens(token, await need(driver.signingKeys())));
      for (const bad of forged) await expectRefusedByEveryOperation(driver, api, `Bearer ${bad}`, 401);
    },
  );

  // A cancel of an active action too, under /api and /api/v1.0 (where a versioned route may only decode
  // the token): every forgery, to one active action, which only a served cancel changes, as a 401 to
  // an unknown id cannot show.
  test(
    'a forged token is refused by a cancel of an active action, under /api and /api/v1.0',
    req('AUTH.INVALID'),
    async ({ driver, api, need }) => {
      const token = await driver.token('operator');
      // Forged first: a token that cannot be forged from (no JWT) skips the test before any scan.
      const forged = await need(forgedHeaders(token));
      const action = await need(driver.activeAction());
      await expectActiveCancelRefused(driver, api, action.id, [
        { what: 'that is not a JWT', authorization: 'Bearer not-a-jwt' },
        ...forged,
      ]);
    },
  );

  // The reads too, as for AUTH.MISSING: a read route may sit behind a guard that only decodes the token,
  // or one that takes what the cancel's guard refuses (alg 'none'); so every forgery, in one test.
  test(
    'a forged token answers 401 to a GET and a list',
    req('AUTH.INVALID'),
    async ({ driver, api, need }) => {
      const token = await driver.token('operator');
      const forged = await need(
        forgedHeaders(
          token,
          FORGERIES.filter((f) => !f.cancelOnly),
        ),
      );
      // Its answer is not judged: it shows the target the good token first, as a cache of verified tokens
      // keyed without the signature would then take the tampered one.
      await api.list({ $top: 1 }, { authorization: `Bearer ${token}` });
      const id = await readableId(driver);
      // An action that exists, read with the good token first: a response cache in front of the
      // authentication answers a path it has served before to any token. One forgery is enough for it.
      if (id && forged[0]) {
        await api.get(id);
        const { what, authorization } = forged[0];
        expect(
          await api.get(id, { authorization }),
          `a GET of an action read before, a token ${what}`,
        ).toHaveStatus(401);
      }
      for (const { what, authorization } of forged) {
        const reads = [
          await api.get(driver.unknownId(), { authorization }),
          await api.list({ $top: 1 }, { authorization }),
        ];
        for (const res of reads) expect(res, `a token ${what}`).toHaveStatus(401);
        // Under /api/v1.0 a route may only decode the token: the list, or an action that exists, tells a
        // served read. Any 4xx there, as a target without the prefix answers 404 (PATH.VERSIONED).
        expect(
          await api.list({ $top: 1 }, { authorization, versioned: true }),
          `a token ${what}, the list under /api/v1.0`,
        ).toHaveStatus('4xx');
        if (id)
          expect(
            await api.get(id, { authorization, versioned: true }),
            `a token ${what} under /api/v1.0`,
          ).toHaveStatus('4xx');
      }
    },
  );
});
