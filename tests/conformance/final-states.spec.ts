import {
  ACTION_TYPES,
  cancelActive,
  cancelTookEffect,
  expect,
  expectCancellationKeptADayLater,
  expectUnchanged,
  expectUnchangedADayLater,
  field,
  judgeVersionedRefusal,
  notApplicable,
  readAction,
  readState,
  req,
  stateOf,
  statusOf,
  suite,
  test,
} from '../fixtures/index.ts';

// How long an emulator's new scan is given to finish by itself (the bundled one takes 150 s).
const FINISH_SECONDS = 600;

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
        // And without a Comment, which the cancel page does not require (docs/contract.md#cancel-without-comment):
        // a state check in the path that records the Comment lets it through. Any refusal will do (one
        // for the missing Comment as well); the state decides.
        const uncommented = await api.cancel(action.id, {});
        expect(uncommented, 'the cancel without a Comment').toHaveStatus('4xx');
        await expectUnchanged(driver, api, action.id, before);
        await expectUnchangedADayLater(driver, api, action.id, before);
        // And an action of every other type in the same state, on emulators: the cancel page limits
        // cancel by state, never by type, and a target may check the state in some types' handlers alone.
        // A tenant's final action is whatever its list holds.
        if (driver.mode === 'tenant') return;
        for (const type of ACTION_TYPES.filter((t) => t !== 'RunAntiVirusScan')) {
          const other = await need(driver.finalAction(status, type));
          const was = await readState(api, other.id, { status, driver });
          const refused = await api.cancel(other.id, body);
          expect(refused, `the cancel of a ${status} ${type} action`).toBeErrorEnvelope('4xx');
          await expectUnchanged(driver, api, other.id, was);
        }
      },
    );
  }

  // The final actions above are seeded in their state on an emulator; a device finishes a real one by
  // itself, and a target whose cancel checks the status last written by a call, not the one its
  // lifecycle reached, turns a finished scan Cancelled. On a tenant the Succeeded action above, found
  // through the list, is such an action already.
  test(
    'cancel of a scan that finished by itself is refused and leaves it unchanged',
    req('CANCEL.FINAL'),
    async ({ driver, api, need }) => {
      if (driver.mode === 'tenant')
        await need(
          notApplicable(
            "a tenant's Succeeded actions, found through its list, all finished by themselves: the Succeeded case is this one there",
          ),
        );
      // A device with nothing active on it: that of an action already final.
      const done = await need(driver.finalAction('Succeeded'));
      const machineId = String(done.machineId ?? '');
      if (!machineId) await need(notApplicable('the final action names no device to start a scan on'));
      const created = await need(driver.createAction(machineId));
      if (created.status !== 201)
        await need(notApplicable(`the new scan was answered ${created.status}, not 201`));
      const id = String(field(created, 'id'));
      await driver.advanceClock(FINISH_SECONDS);
      const read = await readAction(api, id);
      if (statusOf(read) !== 'Succeeded')
        await need(
          notApplicable(
            `the scan reads ${String(statusOf(read))} ${FINISH_SECONDS} s after it started, not Succeeded`,
          ),
        );
      const before = stateOf(read);
      const res = await api.cancel(id, { Comment: 'conformance: cancel a finished scan' });
      expect(res).toBeErrorEnvelope('4xx');
      await expectUnchanged(driver, api, id, before);
    },
  );

  // A second cancel meets a Cancelled action, the same case as any final state (docs/contract.md#after-cancel).
  // The Cancelled action above was cancelled by no app of the run: a target that takes a second cancel
  // by the app that made the first for a retry of it, and answers 200, is seen only here.
  test(
    'a second cancel of an action the caller cancelled is refused and leaves it unchanged',
    req('CANCEL.FINAL'),
    async ({ driver, api, need }) => {
      const action = await need(driver.activeAction());
      const body = { Comment: 'conformance: first cancel' };
      const first = await cancelActive(driver, api, action.id, body);
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
      // And the first cancel sent again as it was, as a client does whose first answer was lost: a
      // target that keys its retries by caller, action and body takes it for the same cancel (200).
      const repeated = await api.cancel(action.id, body);
      expect(repeated, 'the first cancel sent again').toBeErrorEnvelope('4xx');
      await expectUnchanged(driver, api, action.id, before);
      // And a day later on emulators, as the seeded final actions above: a refused cancel kept to be sent
      // again after a backoff (a retry queue keyed by caller and action) rewrites the cancellation then.
      // Its cancellation alone: a device's late report that turns it Succeeded breaks CANCEL.PERSIST.
      await expectCancellationKeptADayLater(driver, api, action.id, before);
    },
  );
});
