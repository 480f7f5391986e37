import {
  ACTION_TYPES,
  answeredEndedByItself,
  cancelActive,
  expect,
  expectSameAction,
  field,
  firstCancelled,
  readAction,
  req,
  sameId,
  statusOf,
  stillActiveAfter,
  suite,
  test,
  unlessFinishedByItself,
} from '../fixtures/index.ts';

// How long CANCEL.OK's stuck action waits for its device, on an emulator's clock: days, as a device
// that is switched off leaves it.
const STUCK_DAYS = 3;
// How long after a cancel CANCEL.PERSIST reads the action again on an emulator's clock: a day, as a
// device switched off overnight reports late.
const LATE_REPORT_SECONDS = 86_400;

// POST /api/machineactions/{id}/cancel on an action that may be cancelled: accepted, and the action shows
// it (the fields it then carries: cancel-fields.spec.ts; new scans on its device: device-scans.spec.ts).
suite('cancel of an active action', () => {
  // The media type is application/json whatever its parameters (RFC 9110 §8.3.1): curl and PowerShell
  // send the bare type, .NET's HttpClient (the docs' C# samples, through StringContent) adds a charset.
  // One label each, so that a check written as a string comparison is seen at no extra action's cost.
  const labels = { Pending: 'application/json', InProgress: 'application/json; charset=utf-8' };
  for (const status of ['Pending', 'InProgress'] as const) {
    const article = /^[AEIOU]/.test(status) ? 'an' : 'a';
    test(
      `cancel of ${article} ${status} action labelled ${labels[status]} answers 200 with the same id`,
      req('CANCEL.OK'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        const res = await cancelActive(
          driver,
          api,
          action.id,
          { Comment: 'conformance: cancel an active action' },
          { request: { contentType: labels[status] } },
        );
        expect(res).toHaveStatus(200);
        expect(
          sameId(field(res, 'id'), action.id),
          `the 200 body names the action that was asked for (${action.id}, got ${JSON.stringify(field(res, 'id'))})`,
        ).toBe(true);
        // And describes it: the same id on another action's fields is an answer about another action.
        expectSameAction(res, action, 'the 200 body');
        // On emulators, two ways to tell actions apart that the cancel page does not know: the type
        // (cancel is limited by state, never by type: docs/contract.md#cancel), every other documented
        // one once, and the age: a stuck action, the one clients most want to clear
        // (docs/contract.md#after-cancel). A tenant run starts nothing but scans, and cannot age one.
        if (driver.mode === 'tenant') return;
        const others = status === 'Pending' ? ACTION_TYPES.filter((t) => t !== 'RunAntiVirusScan') : [];
        // Labelled as Spring's clients label JSON, with the type as PowerShell scripts often write it: a
        // media type and a charset name are case-insensitive (RFC 9110 §8.3.1, §8.3.2), so a check that
        // compares either with lower-case text as a string is seen (no action more to pay).
        const request = { contentType: 'Application/JSON;charset=UTF-8' };
        for (const type of others) {
          const other = await need(driver.activeActionOfType(type));
          const body = { Comment: `conformance: cancel a ${type}` };
          const answer = await cancelActive(driver, api, other.id, body, { request });
          expect(answer, `the cancel of a ${type} action`).toHaveStatus(200);
          expect(
            sameId(field(answer, 'id'), other.id),
            `the 200 body of the cancel of a ${type} action names it (${other.id}, got ${JSON.stringify(field(answer, 'id'))})`,
          ).toBe(true);
          expectSameAction(answer, other, `the 200 body of the cancel of a ${type} action`);
        }
        const stuck = await need(driver.activeAction(status));
        await driver.advanceClock(STUCK_DAYS * 86_400);
        if (!(await stillActiveAfter(api, stuck.id, STUCK_DAYS))) return;
        const body = { Comment: 'conformance: cancel a stuck action' };
        const late = await cancelActive(driver, api, stuck.id, body);
        expect(late, `the cancel of an action still active ${STUCK_DAYS} days on`).toHaveStatus(200);
        expect(sameId(field(late, 'id'), stuck.id), 'the 200 body names the stuck action').toBe(true);
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
        // Emulators only from here: a tenant can neither age an action nor spare a scan more.
        if (driver.mode === 'tenant') return;
        // And an action whose first cancel was refused for its body (no JSON: CANCEL.BODY's), sent again
        // as a client fixes it: a dedupe key written before the body is read takes it for a repeat. A
        // first cancel not refused, or a second not answered 200 (CANCEL.OK's), has nothing to judge.
        const fixed = await need(driver.activeAction(status));
        const raw = '{"Comment": "conformance: status, broken';
        const broken = await api.cancel(fixed.id, undefined, { raw });
        const resent = { Comment: 'conformance: status, body fixed' };
        const again =
          broken.status >= 400 && broken.status < 500
            ? await cancelActive(driver, api, fixed.id, resent)
            : undefined;
        if (again?.status === 200)
          expect(
            statusOf(
              (await firstCancelled(driver, api, fixed.id, again)) ?? (await readAction(api, fixed.id)),
            ),
            'the cancel sent again after one refused for its body shows Cancelled within the bounded wait',
          ).toBe('Cancelled');
        // And an action stuck for days: the one clients most want to clear (docs/contract.md#after-cancel),
        // whose cancel a target may leave waiting for its device. A cancel of it answered otherwise than
        // 200 is CANCEL.OK's to judge.
        const stuck = await need(driver.activeAction(status));
        await driver.advanceClock(STUCK_DAYS * 86_400);
        if (!(await stillActiveAfter(api, stuck.id, STUCK_DAYS))) return;
        const late = await cancelActive(driver, api, stuck.id, { Comment: 'conformance: status, stuck' });
        if (late.status !== 200) return;
        const seen = await firstCancelled(driver, api, stuck.id, late);
        expect(
          statusOf(seen ?? (await readAction(api, stuck.id))),
          `the action stuck ${STUCK_DAYS} days shows Cancelled in the 200 body or on a GET within the bounded wait`,
        ).toBe('Cancelled');
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
      async ({ driver, api, clientFor, need }) => {
        // The cancel must change the action it names: on an emulator another active action was started
        // on the device before it, so a target that cancels the device's oldest one instead is seen. A
        // tenant run starts only scans, one at a time: there the action is alone on its device.
        const action = await need(
          driver.mode === 'tenant' ? driver.activeAction(status) : driver.activeActionBehind(status),
        );
        // Read once before the cancel, as automation deciding whether to cancel does: a read route that
        // keeps what it answered first (a response cache) then never shows the cancel. Not judged: the
        // GETs after the cancel are. A tenant's read-back of its new scan is that read already.
        if (!driver.freshRead?.(action.id)) await api.get(action.id);
        // And by another app, on emulators (a tenant run reads with its operator): a response cache kept
        // per caller, evicted by the canceller's own call alone, keeps showing that app the action as it was.
        const reader = driver.mode === 'tenant' ? undefined : await need(clientFor('read-only'));
        await reader?.get(action.id);
        expect(await cancelActive(driver, api, action.id, { Comment: 'conformance: persist' })).toHaveStatus(
          200,
        );
        const shown = await firstCancelled(driver, api, action.id, await api.get(action.id));
        if (!shown) await unlessFinishedByItself(driver, api, action.id);
        expect(statusOf(shown ?? (await readAction(api, action.id))), 'a GET shows status Cancelled').toBe(
          'Cancelled',
        );
        if (reader)
          expect(statusOf(await reader.get(action.id)), 'a GET by the app that read it before').toBe(
            'Cancelled',
          );
        // A tenant's reads may come from replicas (a new action reads 404 while it replicates,
        // docs/contract.md#hosts): there a later read must show Cancelled within the same bound. On an
        // emulator the later read comes a day later: Cancelled is final, so a device's late completion
        // report (one offline for hours reports once back) must not overwrite it.
        if (driver.mode !== 'tenant') await driver.advanceClock(LATE_REPORT_SECONDS);
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
        // The same action, updated (docs/contract.md#after-cancel): the cancel wrote nothing over its other fields.
        expectSameAction(again, action, 'a later GET');
      },
    );
  }
});
