import {
  expect,
  expectProtectedUnchanged,
  expectUnchanged,
  judgeVersionedRefusal,
  protectedAction,
  readableId,
  readState,
  req,
  stateBefore,
  stateBeforeCall,
  suite,
  test,
} from '../fixtures/index.ts';

// AUTH.MISSING: a call without Authorization, the cancel and the reads, under /api and /api/v1.0.

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
      // And a running action, on emulators (a tenant arranges only a Pending one): a target may hand a
      // running action's cancel to its device by a channel of its own, which may lack the guard.
      if (driver.mode === 'tenant') return;
      const running = await need(driver.activeAction('InProgress'));
      const was = await stateBeforeCall(driver, api, running.id);
      const body = { Comment: 'conformance: no auth, running' };
      const refused = await api.cancel(running.id, body, { authorization: null });
      expect(refused, 'the cancel of an InProgress action').toBeErrorEnvelope(401, ['Unauthorized']);
      await expectUnchanged(driver, api, running.id, was);
    },
  );

  // The test above cancels an active action where it can: a cancel that checks the state before it
  // authenticates refused a final one without credentials for its state (400), telling a stranger it
  // exists, and told a client whose token fell off that it cannot be cancelled, not to sign in again.
  test(
    'a cancel of an action in a final state without Authorization answers 401 Unauthorized and changes nothing',
    req('AUTH.MISSING'),
    async ({ driver, api, need }) => {
      const action = await need(driver.finalAction('Succeeded'));
      const before = await readState(api, action.id, { status: 'Succeeded', driver });
      const res = await api.cancel(action.id, { Comment: 'conformance: no auth' }, { authorization: null });
      expect(res).toBeErrorEnvelope(401, ['Unauthorized']);
      await expectUnchanged(driver, api, action.id, before);
    },
  );

  // "A call": the reads as well as the cancel, since a route whose guard was left off serves anyone.
  // An unknown id costs no set-up, and no lawful target looks up an id before it authenticates. The
  // cancel of one too: the test above cancels an action that exists, and a cancel that looks the id up
  // first answered it 401 while it told a stranger with no credentials which ids exist (404). And a GET of
  // an action that exists, read with credentials first: a response cache in front of the authentication
  // answers a path it has served before to anyone.
  test(
    'a GET of an action read before, a list or a cancel of an unknown id without Authorization answers 401 Unauthorized with the error envelope',
    req('AUTH.MISSING'),
    async ({ driver, api }) => {
      const reads = [
        await api.get(driver.unknownId(), { authorization: null }),
        await api.list({ $top: 1 }, { authorization: null }),
        await api.cancel(driver.unknownId(), { Comment: 'conformance: no auth' }, { authorization: null }),
      ];
      for (const res of reads) expect(res).toBeErrorEnvelope(401, ['Unauthorized']);
      const id = await readableId(driver);
      if (id) {
        await api.get(id);
        expect(
          await api.get(id, { authorization: null }),
          'a GET of an action read before with credentials',
        ).toBeErrorEnvelope(401, ['Unauthorized']);
      }
      // The list under /api/v1.0 too, where a versioned route may lack the guard: any 4xx, as in the
      // cancel's test (a target without the prefix answers 404); a 2xx serves it.
      const versioned = await api.list({ $top: 1 }, { authorization: null, versioned: true });
      expect(versioned, 'the list refused under /api/v1.0').toHaveStatus('4xx');
    },
  );
});
