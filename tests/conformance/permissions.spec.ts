import {
  ACTION_ROLES,
  cancelActive,
  cancelNotShown,
  expect,
  expectProtectedUnchanged,
  expectRefusedWithoutActionRole,
  expectUnchanged,
  notApplicable,
  protectedAction,
  req,
  roleCheckUndecided,
  stateBefore,
  stateBeforeCall,
  suite,
  test,
} from '../fixtures/index.ts';

suite('permissions', () => {
  for (const role of ACTION_ROLES) {
    test(`${role} alone is enough to cancel`, req('PERM.ROLES'), async ({ driver, api, clientFor, need }) => {
      // The role's app first: a tenant without it configured is N/A before a scan is asked for.
      const client = await need(clientFor(`role:${role}`));
      const action = await need(driver.activeAction());
      const res = await cancelActive(
        driver,
        api,
        action.id,
        { Comment: `conformance: cancel with ${role}` },
        { caller: client },
      );
      expect(res).toHaveStatus(200);
      // Enough to cancel means the action is cancelled, not only answered 200 (read back by the operator).
      const unseen = await cancelNotShown(driver, api, action.id, res);
      expect(
        unseen,
        `a GET shows the action cancelled by the app holding only ${role}, within the bounded wait, not: ${unseen}`,
      ).toBeUndefined();
      // A running action too, on emulators (on a tenant it costs a scan more): a target may hand a running
      // action's cancel to a channel of its own, which may ask for another role. The role is let through
      // when the cancel is answered 200; whether a running action's cancel is kept is CANCEL.PERSIST's.
      if (driver.mode === 'tenant') return;
      const running = await need(driver.activeAction('InProgress'));
      const body = { Comment: `conformance: cancel a running action with ${role}` };
      const stopped = await cancelActive(driver, api, running.id, body, { caller: client });
      expect(stopped, 'the cancel of an InProgress action').toHaveStatus(200);
      // And an action of another type than a scan, one the role does not start: the cancel page asks for
      // any one of the seven whatever the type, and a target may hand a cancel to its type's handler.
      const type = role === 'Machine.Isolate' ? 'Offboard' : 'Isolate';
      const other = await need(driver.activeActionOfType(type));
      const ended = await cancelActive(driver, api, other.id, body, { caller: client });
      expect(ended, `the cancel of a Pending ${type} action`).toHaveStatus(200);
      // And under /api/v1.0, which answers as /api does: a versioned route may sit behind a guard with a
      // role list of its own. Judged where the operator's own cancel there answers 200: a target that
      // does not serve the prefix, whatever it answers (404, or a proxy's 403 or 405), is PATH.VERSIONED's.
      const request = { versioned: true } as const;
      const probe = await need(driver.activeAction());
      if ((await cancelActive(driver, api, probe.id, body, { request })).status !== 200) return;
      const scan = await need(driver.activeAction());
      const there = await cancelActive(driver, api, scan.id, body, { caller: client, request });
      expect(there, 'the cancel under /api/v1.0').toHaveStatus(200);
    });
  }

  // Any one action role is enough whatever else the token holds: real apps hold a read role too, and a
  // token lists its roles in no documented order (docs/contract.md#permissions), so a check of the first
  // one alone passed every app above (one role each; the operator's action role comes first).
  test(
    'an action role listed after a read role is enough to cancel',
    req('PERM.ROLES'),
    async ({ driver, api, need }) => {
      if (driver.mode === 'tenant')
        await need(
          notApplicable(
            "a token whose roles come in a chosen order needs an app the suite registers; a tenant's apps hold what their owners granted",
          ),
        );
      const client = await driver.freshIdentity(['Machine.Read.All', 'Machine.Isolate']);
      const action = await need(driver.activeAction());
      const body = { Comment: 'conformance: cancel with a read role first' };
      const res = await cancelActive(driver, api, action.id, body, { caller: client });
      expect(res).toHaveStatus(200);
      const unseen = await cancelNotShown(driver, api, action.id, res);
      expect(
        unseen,
        `a GET shows the action cancelled by the app holding Machine.Read.All and Machine.Isolate, not: ${unseen}`,
      ).toBeUndefined();
    },
  );

  // Read roles are no action roles, Machine.ReadWrite.All included, however much it sounds like one;
  // and a token holding no role at all is refused too, not taken for one without limits. That one may
  // be refused while authenticating, a 401 (docs/contract.md#permissions): either way, it changes nothing.
  const withoutActionRole = [
    { identity: 'read-only', title: 'a token without any action role answers 403 Forbidden' },
    { identity: 'read-write', title: 'a token holding only Machine.ReadWrite.All answers 403 Forbidden' },
    // Several roles, none an action role, as real apps hold them: a check that adds read to read-write,
    // or a deny-list of read roles that lets an alert role through, passed every token above.
    {
      identity: 'read-roles',
      title:
        'a token holding Machine.Read.All, Machine.ReadWrite.All and Alert.Read.All answers 403 Forbidden',
    },
    { identity: 'no-roles', title: 'a token holding no role at all answers 403 Forbidden or 401' },
  ] as const;
  for (const { identity, title } of withoutActionRole) {
    test(`${title} and changes nothing`, req('PERM.NONE'), async ({ driver, api, clientFor, need }) => {
      const reader = await need(clientFor(identity));
      const target = await need(protectedAction(driver));
      const before = await stateBefore(driver, api, target);
      const body = { Comment: `conformance: ${identity}` };
      // An active action that finished by itself may be refused for its state before the role: no verdict.
      const res =
        target.kind === 'active'
          ? await cancelActive(driver, api, target.id, body, { caller: reader })
          : await reader.cancel(target.id, body);
      const undecided = roleCheckUndecided(target, res);
      if (undecided) await need(notApplicable(undecided));
      const unread = expectRefusedWithoutActionRole(res, identity);
      // Whatever its status says, a refused cancel must have changed nothing: judged before the NA.
      if (unread) {
        await expectProtectedUnchanged(driver, api, target, before);
        await need(notApplicable(unread));
      }
      // Under /api/v1.0 as well (PATH.VERSIONED): a versioned route may sit behind a guard of its own.
      // Any refusal will do there (a target may not serve the prefix, or the action may have ended);
      // the state below says whether the cancel was let through.
      expect(await reader.cancel(target.id, body, { versioned: true })).toHaveStatus('4xx');
      await expectProtectedUnchanged(driver, api, target, before);
      // And with no Comment ({}) and with no body, once: a role check beside the validation of the
      // Comment or the body skips a cancel without one. Any refusal will do (a target may refuse the
      // missing Comment or body first, a 400).
      for (const bare of identity === 'read-only' ? [{}, null] : []) {
        const what = bare ? 'a cancel with {}' : 'a cancel without a body';
        expect(await reader.cancel(target.id, bare), what).toHaveStatus('4xx');
        await expectProtectedUnchanged(driver, api, target, before);
      }
      // A running action too, once, on emulators (on a tenant it costs a scan more): a target may hand a
      // running action's cancel to its device by a channel of its own, past the role check.
      if (identity !== 'read-only' || driver.mode === 'tenant') return;
      const running = await need(driver.activeAction('InProgress'));
      const was = await stateBeforeCall(driver, api, running.id);
      const answer = await cancelActive(driver, api, running.id, body, { caller: reader });
      expectRefusedWithoutActionRole(answer, identity);
      await expectUnchanged(driver, api, running.id, was);
      // And an action of another type than a scan: a target may check roles in its scan handler alone.
      const isolation = await need(driver.activeActionOfType('Isolate'));
      const held = await stateBeforeCall(driver, api, isolation.id);
      const refused = await cancelActive(driver, api, isolation.id, body, { caller: reader });
      expectRefusedWithoutActionRole(refused, identity);
      await expectUnchanged(driver, api, isolation.id, held);
    });
  }
});
