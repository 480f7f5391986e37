import {
  cancelActive,
  errorCode,
  expect,
  field,
  firstCancelled,
  notApplicable,
  reopenedScan,
  req,
  sameId,
  suite,
  test,
  unlessBusyWithAnother,
} from '../fixtures/index.ts';

// A new scan on the device of an active action: what a second one answers while the first runs, and
// whether one is accepted once the first is cancelled.
suite('cancel of an active action', () => {
  // Open (docs/contract.md#duplicate-create): recorded, never asserted.
  test(
    'what a second scan on a device with an active scan answers is recorded',
    req('CANCEL.DUPLICATE'),
    async ({ driver, need, observe }) => {
      const action = await need(driver.activeAction());
      const machineId = String(action.machineId ?? '');
      if (!machineId) return observe('CANCEL.DUPLICATE', 'the active action names no device to try');
      const res = await need(driver.createAction(machineId));
      observe.duplicateCreate(res, action.id);
      const code = errorCode(res);
      const running = sameId(field(res, 'id'), action.id) ? ' with the running action' : '';
      observe('CANCEL.DUPLICATE', `answered ${res.status}${code ? ` ${code}` : ''}${running}`);
    },
  );

  // Both active statuses: a target may free the device of an action not yet started and forget to tell
  // the device of a running one, which then stays busy.
  for (const status of ['Pending', 'InProgress'] as const) {
    test(
      `after a cancel of ${/^[AEIOU]/.test(status) ? 'an' : 'a'} ${status} action a new scan on the same device is accepted`,
      req('CANCEL.REOPEN'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        // machineId may be null or left out (docs/contract.md#machine-action-fields): nothing to try then.
        const machineId = String(action.machineId ?? '');
        if (!machineId) await need(notApplicable('the active action names no device to start a new scan on'));
        const cancel = await cancelActive(driver, api, action.id, { Comment: 'conformance: reopen' });
        expect(cancel).toHaveStatus(200);
        // The device is free once the cancel has taken effect, which may show shortly after the 200
        // (docs/contract.md#cancel-answer-status); past the bound the new scan is tried all the same.
        await firstCancelled(driver, api, action.id, cancel);
        const res = await need(reopenedScan(driver, machineId, action.id));
        // Another operator of a tenant may have started a scan on the device since: N/A, not a refusal.
        await need(unlessBusyWithAnother(driver, api, machineId, res, action));
        expect(res).toHaveStatus(201);
        expect(sameId(field(res, 'id'), action.id), 'a new action, not the cancelled one').toBe(false);
        expect(field(res, 'type')).toBe('RunAntiVirusScan');
      },
    );
  }
});
