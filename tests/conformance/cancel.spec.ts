import { randomUUID } from 'node:crypto';
import {
  answeredEndedByItself,
  cancelActive,
  errorCode,
  expect,
  field,
  firstCancelled,
  isDateTime,
  judgeVersionedCancelFields,
  notApplicable,
  notBefore,
  readAction,
  req,
  sameId,
  statusOf,
  suite,
  test,
  unlessBusyWithAnother,
  unlessFinishedByItself,
} from '../fixtures/index.ts';

// POST /api/machineactions/{id}/cancel on an action that may be cancelled.
suite('cancel of an active action', () => {
  for (const status of ['Pending', 'InProgress'] as const) {
    const article = /^[AEIOU]/.test(status) ? 'an' : 'a';
    test(
      `cancel of ${article} ${status} action answers 200 with the same id`,
      req('CANCEL.OK'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        const res = await cancelActive(driver, api, action.id, {
          Comment: 'conformance: cancel an active action',
        });
        expect(res).toHaveStatus(200);
        expect(
          sameId(field(res, 'id'), action.id),
          `the 200 body names the action that was asked for (${action.id}, got ${JSON.stringify(field(res, 'id'))})`,
        ).toBe(true);
      },
    );
  }

  // Both active statuses, as for CANCEL.OK: a target may answer the cancel of a running action (whose
  // device has to be told) otherwise than that of one not yet started.
  for (const status of ['Pending', 'InProgress'] as const) {
    test(
      `a cancelled ${status} action reports status Cancelled`,
      req('CANCEL.STATUS'),
      async ({ driver, api, need, observe }) => {
        const action = await need(driver.activeAction(status));
        const res = await cancelActive(driver, api, action.id, { Comment: 'conformance: status' });
        // The open point is read off the Pending cancel only, as before: one request per reading.
        if (status === 'Pending') observe.cancelAnswer(res);
        expect(res).toHaveStatus(200);
        // The 200 body shows the action cancelled, or (applied on a later read) as it was before; a real
        // action may have moved from Pending to InProgress meanwhile, or ended by itself (the reads decide).
        if (!answeredEndedByItself(driver, res))
          expect(['Pending', 'InProgress', 'Cancelled'], 'status in the 200 body').toContain(statusOf(res));
        const shown = await firstCancelled(driver, api, action.id, res);
        if (!shown) await unlessFinishedByItself(driver, api, action.id);
        expect(
          statusOf(shown ?? (await readAction(api, action.id))),
          'status Cancelled in the 200 body or on a GET within the bounded wait',
        ).toBe('Cancelled');
      },
    );

    test(
      `a cancelled ${status} action carries the cancellation comment, requestor and time`,
      req('CANCEL.FIELDS'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        // Not ASCII alone: a target that reads the body in another charset than UTF-8 garbles the rest.
        const comment = `conformance: fields café ${randomUUID()}`;
        const res = await cancelActive(driver, api, action.id, { Comment: comment });
        expect(res).toHaveStatus(200);
        const shown = await firstCancelled(driver, api, action.id, res);
        if (!shown) await unlessFinishedByItself(driver, api, action.id);
        expect(
          shown,
          'the action shows Cancelled in the 200 body or on a GET within the bounded wait',
        ).toBeDefined();
        // Both the 200 body and the stored action carry the cancellation: a target may answer the fields
        // it was sent without keeping them, so when the 200 shows it a GET (now also Cancelled) is judged too.
        const judged = [shown!];
        if (shown === res) {
          const read = await readAction(api, action.id);
          if (statusOf(read) === 'Cancelled') judged.push(read);
        }
        for (const answer of judged) {
          // Which answer is judged, for the reason a failure gives.
          const where = answer === res ? 'in the 200 body of the cancel' : 'on a GET after the cancel';
          expect(
            field(answer, 'cancellationComment'),
            `cancellationComment ${where} is the Comment sent`,
          ).toBe(comment);
          const requestor = field(answer, 'cancellationRequestor');
          expect(
            typeof requestor === 'string' && requestor.trim().length > 0,
            `cancellationRequestor ${where} is a non-empty string (got ${JSON.stringify(requestor)})`,
          ).toBe(true);
          const cancelledAt = field(answer, 'cancellationDateTimeUtc');
          const createdAt = field(answer, 'creationDateTimeUtc') ?? action.creationDateTimeUtc;
          expect(
            isDateTime(cancelledAt),
            `cancellationDateTimeUtc ${where} is a date-time (got ${JSON.stringify(cancelledAt)})`,
          ).toBe(true);
          expect(
            isDateTime(createdAt) && notBefore(cancelledAt as string, createdAt),
            `cancellationDateTimeUtc ${String(cancelledAt)} ${where} is not before creationDateTimeUtc ${String(createdAt)}`,
          ).toBe(true);
        }
        // A versioned route may render a running action's cancel its own way. Only here: an InProgress
        // action is arranged on an emulator alone, so a tenant starts nothing more for it.
        if (status === 'InProgress') {
          const other = await need(driver.activeAction(status));
          const versionedComment = `conformance: versioned fields café ${randomUUID()}`;
          const opts = { request: { versioned: true } };
          const versioned = await cancelActive(driver, api, other.id, { Comment: versionedComment }, opts);
          judgeVersionedCancelFields(versioned, versionedComment);
        }
      },
    );
  }

  // Both active statuses: a target may store the cancel of an action not yet started and only answer
  // the cancel of a running one (whose device has to be told).
  for (const status of ['Pending', 'InProgress'] as const) {
    const article = /^[AEIOU]/.test(status) ? 'an' : 'a';
    test(
      `GET after a cancel of ${article} ${status} action shows it cancelled`,
      req('CANCEL.PERSIST'),
      async ({ driver, api, need }) => {
        // The cancel must change the action it names: on an emulator another active action was started
        // on the device before it, so a target that cancels the device's oldest one instead is seen. A
        // tenant run starts only scans, one at a time: there the action is alone on its device.
        const action = await need(
          driver.mode === 'tenant' ? driver.activeAction(status) : driver.activeActionBehind(status),
        );
        expect(await cancelActive(driver, api, action.id, { Comment: 'conformance: persist' })).toHaveStatus(
          200,
        );
        const shown = await firstCancelled(driver, api, action.id, await api.get(action.id));
        if (!shown) await unlessFinishedByItself(driver, api, action.id);
        expect(statusOf(shown ?? (await readAction(api, action.id))), 'a GET shows status Cancelled').toBe(
          'Cancelled',
        );
        // A tenant's reads may come from replicas (a new action reads 404 while it replicates,
        // docs/contract.md#hosts): there a later read must show Cancelled within the same bound.
        const { value: again } =
          driver.mode === 'tenant'
            ? await driver.eventually(
                () => api.get(action.id),
                (res) => statusOf(res) === 'Cancelled',
              )
            : { value: await api.get(action.id) };
        expect(again).toHaveStatus(200);
        expect(sameId(field(again, 'id'), action.id), 'the GET answers the cancelled action').toBe(true);
        expect(statusOf(again), 'a later GET still shows Cancelled').toBe('Cancelled');
      },
    );
  }

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
        const res = await need(driver.createAction(machineId));
        // Another operator of a tenant may have started a scan on the device since: N/A, not a refusal.
        await need(unlessBusyWithAnother(driver, api, machineId, res, action));
        expect(res).toHaveStatus(201);
        expect(sameId(field(res, 'id'), action.id), 'a new action, not the cancelled one').toBe(false);
        expect(field(res, 'type')).toBe('RunAntiVirusScan');
      },
    );
  }
});
