import {
  expect,
  expectProtectedUnchanged,
  expectRefusedByEveryOperation,
  protectedAction,
  readableId,
  req,
  stateBefore,
  suite,
  test,
} from '../fixtures/index.ts';

// AUTH.AUDIENCE: a valid token for another resource is refused by the cancel and the reads.

suite('authentication', () => {
  test(
    'a valid token for another audience answers 403 and changes nothing',
    req('AUTH.AUDIENCE'),
    async ({ driver, api, need }) => {
      const token = await need(driver.token('other-audience'));
      const authorization = `Bearer ${token}`;
      const res = await api.cancel(driver.unknownId(), undefined, { authorization });
      expect(res).toHaveStatus(403);
      // An action that exists tells a served call from a refused one as an unknown id's 403 cannot: an
      // audience filter may write its 403 and let the handler run on. So the same token cancels it under
      // /api (403 again), and under /api/v1.0, where a versioned route may check the audience apart, on
      // a cancel or a GET by id: any 4xx there, as a target without /api/v1.0 answers 404 (PATH.VERSIONED).
      const target = await need(protectedAction(driver));
      const before = await stateBefore(driver, api, target);
      expect(
        await api.cancel(target.id, { Comment: 'conformance: other audience' }, { authorization }),
        'a cancel of an action that exists',
      ).toHaveStatus(403);
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
      // An action that exists, read with the operator's token first: a response cache in front of the
      // authentication answers a path it has served before to any token.
      const id = await readableId(driver);
      if (id) {
        await api.get(id);
        expect(await api.get(id, { authorization }), 'a GET of an action read before').toHaveStatus(403);
      }
      // A versioned route may check the audience apart. Any 4xx there, as a target without /api/v1.0
      // answers 404 (PATH.VERSIONED); the list, served to the caller's tenant, shows a 2xx.
      const versioned = await api.list({ $top: 1 }, { authorization, versioned: true });
      expect(versioned, 'refused under /api/v1.0').toHaveStatus('4xx');
    },
  );

  // A resource under microsoft.com, as the API's own hosts are: an audience check written to take those
  // hosts by their domain (regional ones too) takes Microsoft Graph's token, though it refuses Azure
  // Resource Manager's. On emulators only: a tenant's Graph token carries a nonce that leaves its
  // signature unverifiable to the API, so it is not asked for there; and its 401 is as lawful as the
  // 403 (docs/contract.md#audience), which the tests above pin with the other resource's token.
  test(
    'a valid token for Microsoft Graph is refused by a cancel, a GET and a list',
    req('AUTH.AUDIENCE'),
    async ({ driver, api, need }) => {
      const authorization = `Bearer ${await need(driver.token('graph-audience'))}`;
      await expectRefusedByEveryOperation(driver, api, authorization, [401, 403]);
    },
  );
});
