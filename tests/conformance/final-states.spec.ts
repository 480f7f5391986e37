import {
  cancelActive,
  cancelTookEffect,
  expect,
  expectUnchanged,
  judgeVersionedRefusal,
  notApplicable,
  readState,
  req,
  suite,
  test,
} from '../fixtures/index.ts';

// What a target answers for a final state is open (docs/contract.md#final-state-cancel): any 4xx with the error envelope is right.
suite('cancel of an action in a final state', () => {
  const cases = [
    { status: 'Succeeded', requirement: 'CANCEL.FINAL' },
    { status: 'Failed', requirement: 'CANCEL.FINAL' },
    { status: 'Cancelled', requirement: 'CANCEL.FINAL' },
    { status: 'TimeOut', requirement: 'CANCEL.TIMEOUT' },
  ] as const;
  for (const { status, requirement } of cases) {
    test(
      `cancel of a ${status} action is refused and leaves it unchanged`,
      req(requirement),
      async ({ driver, api, need, observe }) => {
        const action = await need(driver.finalAction(status));
        const before = await readState(api, action.id, { status, driver });
        const body = { Comment: `conformance: cancel a ${status} action` };
        const res = await api.cancel(action.id, body);
        observe.refusal('final-state-cancel', res);
        expect(res).toBeErrorEnvelope('4xx');
        // Under /api/v1.0 as well: a versioned route may reach a handler of its own. Any refusal will do
        // for this MUST (a target that does not serve the prefix, or refuses otherwise there, breaks
        // PATH.VERSIONED, a SHOULD, and is recorded so); the state decides.
        const versioned = await api.cancel(action.id, body, { versioned: true });
        expect(versioned).toHaveStatus('4xx');
        judgeVersionedRefusal(res, versioned);
        await expectUnchanged(driver, api, action.id, before);
      },
    );
  }

  // A second cancel meets a Cancelled action, the same case as any final state (docs/contract.md#after-cancel).
  // The Cancelled action above was cancelled by no app of the run: a target that takes a second cancel
  // by the app that made the first for a retry of it, and answers 200, is seen only here.
  test(
    'a second cancel of an action the caller cancelled is refused and leaves it unchanged',
    req('CANCEL.FINAL'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const first = await cancelActive(driver, api, action.id, { Comment: 'conformance: first cancel' });
      // The first cancel is CANCEL.*'s to judge: unless a GET shows it, there is nothing to ask here.
      if (!(await cancelTookEffect(driver, api, action.id, first)))
        await need(
          notApplicable(
            `the first cancel answered ${first.status} and no GET showed the action Cancelled within the bounded wait`,
          ),
        );
      const before = await readState(api, action.id, { status: 'Cancelled', driver });
      const res = await api.cancel(action.id, { Comment: 'conformance: second cancel' });
      expect(res).toBeErrorEnvelope('4xx');
      await expectUnchanged(driver, api, action.id, before);
    },
  );
});
