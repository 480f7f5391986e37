import { randomUUID } from 'node:crypto';
import {
  ACTION_TYPES,
  cancelActive,
  expect,
  expectCancellationFields,
  expectFieldsKept,
  firstCancelled,
  judgeVersionedCancelFields,
  readAction,
  req,
  statusOf,
  stillActiveAfter,
  suite,
  test,
  unlessFinishedByItself,
} from '../fixtures/index.ts';

// How long CANCEL.FIELDS' stuck action waits for its device on an emulator's clock, as CANCEL.OK's and
// CANCEL.STATUS's do (cancel.spec.ts).
const STUCK_DAYS = 3;

// What a cancelled action carries: the comment sent, who cancelled it and when (the cancel itself:
// cancel.spec.ts).
suite('cancel of an active action', () => {
  // Both active statuses, as for CANCEL.STATUS (cancel.spec.ts): a running action's cancel may be
  // answered otherwise than that of one not yet started.
  for (const status of ['Pending', 'InProgress'] as const) {
    test(
      `a cancelled ${status} action carries the cancellation comment, requestor and time`,
      req('CANCEL.FIELDS'),
      async ({ driver, api, need }) => {
        const action = await need(driver.activeAction(status));
        // Not ASCII alone: a target that reads the body in another charset than UTF-8 garbles the rest.
        // And characters HTML gives entities to (a target that sanitizes its input rewrites them) and
        // JSON escapes (one that keeps the escape), none a web application firewall stops. And one past
        // the Basic Multilingual Plane (a surrogate pair in JSON), which a store of three-byte UTF-8 loses.
        // And a line break and a tab, which a guard against injected log lines flattens to spaces, and a
        // line break at the end (a ticket's text pasted whole), which a binder that trims strings cuts.
        const comment = `conformance: fields café & "co" \u{1F6E1}\n\t${randomUUID()}\n`;
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
          expectCancellationFields(answer, comment, action.creationDateTimeUtc, where, res);
        }
        // The cancel page limits cancel by state, never by type (docs/contract.md#cancel): on emulators
        // every other documented type keeps the Comment too, once (a tenant run starts only scans).
        if (status === 'Pending' && driver.mode !== 'tenant')
          for (const type of ACTION_TYPES.filter((t) => t !== 'RunAntiVirusScan')) {
            const other = await need(driver.activeActionOfType(type));
            const sent = `conformance: fields of the ${type} action café ${randomUUID()}`;
            const cancel = await cancelActive(driver, api, other.id, { Comment: sent });
            expect(cancel, `the cancel of the ${type} action`).toHaveStatus(200);
            // All three fields, not the comment alone: a type's cancel may be recorded by a path of its own.
            const seen = await expectFieldsKept(
              driver,
              api,
              other,
              sent,
              cancel,
              `of the cancelled ${type} action`,
            );
            expect(seen, `the ${type} action shows Cancelled within the bounded wait`).toBeDefined();
          }
        // And an action stuck for days, on emulators (a tenant cannot age one), as CANCEL.STATUS judges one:
        // the one clients most want to clear (docs/contract.md#after-cancel), whose cancel a target may
        // record by a path of its own. Its cancel answered otherwise than 200 is CANCEL.OK's to judge.
        // Both statuses: a running action's cancel, handed to its device, may be stamped with the time of
        // the device's last report, which only one running for days tells from the time of the cancel.
        if (driver.mode !== 'tenant') {
          const stuck = await need(driver.activeAction(status));
          await driver.advanceClock(STUCK_DAYS * 86_400);
          if (await stillActiveAfter(api, stuck.id, STUCK_DAYS)) {
            const sent = `conformance: fields of a stuck action café ${randomUUID()}`;
            const late = await cancelActive(driver, api, stuck.id, { Comment: sent });
            await expectFieldsKept(driver, api, stuck, sent, late, `of the action stuck ${STUCK_DAYS} days`);
          }
        }
        // And a long Comment (a ticket's text pasted whole), on emulators: a column sized below it may cut
        // it silently. No length is documented, so a refusal is no verdict; a 200 must keep it whole.
        if (status === 'Pending' && driver.mode !== 'tenant') {
          const other = await need(driver.activeAction(status));
          const sent = `conformance: a long comment ${randomUUID()} ${'of a pasted ticket '.repeat(60)}end`;
          const cancel = await cancelActive(driver, api, other.id, { Comment: sent });
          await expectFieldsKept(driver, api, other, sent, cancel, 'with a long Comment');
        }
        // And a cancel without a Comment, on emulators (a tenant would pay a scan more), which the cancel page
        // does not require: where it is accepted (docs/contract.md#cancel-without-comment) it is a cancel
        // made, and records who made it and when as any other; its comment is the reading's, not judged.
        if (status === 'Pending' && driver.mode !== 'tenant') {
          const bare = await need(driver.activeAction(status));
          const cancel = await cancelActive(driver, api, bare.id, {});
          await expectFieldsKept(driver, api, bare, undefined, cancel, 'of an action cancelled with {}');
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
});
