import {
  cancelActive,
  cancelTookEffect,
  errorCode,
  expect,
  field,
  firstCancelled,
  notApplicable,
  reopenedScan,
  req,
  sameId,
  stateBeforeCall,
  suite,
  test,
  unlessBusyWithAnother,
} from '../fixtures/index.ts';

// The statuses of a new scan's answer: 201 documented, 200 as some pages show.
const NEW_ACTION = [200, 201];

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
      `after a cancel of ${/^[AEIOU]/.test(status) ? 'an' : 'a'} ${status} action a new scan on the same device is accepted and carries no earlier cancel`,
      req('CANCEL.REOPEN'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        // machineId may be null or left out (docs/contract.md#machine-action-fields): nothing to try then.
        const machineId = String(action.machineId ?? '');
        if (!machineId) await need(notApplicable('the active action names no device to start a new scan on'));
        // A Comment no other cancel sends: the new scan below must not carry it.
        const Comment = `conformance: reopen ${action.id}`;
        const cancel = await cancelActive(driver, api, action.id, { Comment });
        expect(cancel).toHaveStatus(200);
        // The device is free once the cancel has taken effect, which may show shortly after the 200
        // (docs/contract.md#cancel-answer-status); past the bound the new scan is tried all the same.
        await firstCancelled(driver, api, action.id, cancel);
        const res = await need(reopenedScan(driver, machineId, action.id));
        // Another operator of a tenant may have started a scan on the device since: N/A, not a refusal.
        await need(unlessBusyWithAnother(driver, api, machineId, res, action));
        // 201 is documented; some pages show 200 for a new action (docs/contract.md#duplicate-create): a
        // new action either way, told from the cancelled one answered again by its id.
        expect(res).toHaveStatus(NEW_ACTION);
        expect(sameId(field(res, 'id'), action.id), 'a new action, not the cancelled one').toBe(false);
        expect(field(res, 'type')).toBe('RunAntiVirusScan');
        // The new scan started after the cancel, which changes the action it names and no other
        // (docs/contract.md#after-cancel): neither its answer nor a GET of it shows that cancel. On a tenant
        // the driver's read-back of the new scan is that GET.
        const fresh = String(field(res, 'id'));
        expect(field(res, 'cancellationComment'), 'the new scan shows no earlier cancel').not.toBe(Comment);
        const read = await stateBeforeCall(driver, api, fresh);
        expect(read.cancellationComment, 'a GET of the new scan shows no cancel made before it').not.toBe(
          Comment,
        );
        // And once more on the same device, on emulators (on a tenant it costs a scan more): a device a
        // cancel freed once must be freed by the next cancel too, as a client clearing stuck scans needs.
        if (driver.mode === 'tenant' || status !== 'Pending') return;
        const second = await cancelActive(driver, api, fresh, { Comment: `conformance: reopen ${fresh}` });
        expect(second, 'the cancel of the new scan').toHaveStatus(200);
        await firstCancelled(driver, api, fresh, second);
        const third = await need(reopenedScan(driver, machineId, fresh));
        expect(third, 'a new scan after the second cancel on the device').toHaveStatus(NEW_ACTION);
        expect(sameId(field(third, 'id'), fresh), 'a new action, not the one cancelled second').toBe(false);
        // And a cancel under /api/v1.0, which answers as /api does (PATH.VERSIONED): a versioned route may
        // store the cancel without telling the device. Judged where a GET shows that cancel: one the route
        // never stores, or a prefix it does not serve, is PATH.VERSIONED's.
        const latest = String(field(third, 'id'));
        const body = { Comment: `conformance: reopen ${latest} under /api/v1.0` };
        const versioned = await api.cancel(latest, body, { versioned: true });
        let last = latest;
        if (await cancelTookEffect(driver, api, latest, versioned)) {
          const fourth = await need(reopenedScan(driver, machineId, latest));
          expect(fourth, 'a new scan after a cancel under /api/v1.0 on the device').toHaveStatus(NEW_ACTION);
          expect(sameId(field(fourth, 'id'), latest), 'a new action, not the one cancelled there').toBe(
            false,
          );
          last = String(field(fourth, 'id'));
        }
        // And a cancel without a Comment ({}), judged where it takes effect (a target may refuse it,
        // docs/contract.md#cancel-without-comment): only the path that records a Comment may tell the device.
        const bare = await api.cancel(last, {});
        if (!(await cancelTookEffect(driver, api, last, bare))) return;
        const fifth = await need(reopenedScan(driver, machineId, last));
        expect(fifth, 'a new scan after a cancel without a Comment on the device').toHaveStatus(NEW_ACTION);
        expect(
          sameId(field(fifth, 'id'), last),
          'a new action, not the one cancelled without a Comment',
        ).toBe(false);
      },
    );
  }
});
