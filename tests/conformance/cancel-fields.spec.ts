import { randomUUID } from 'node:crypto';
import {
  ACTION_TYPES,
  type ApiClient,
  cancelActive,
  type Exchange,
  expect,
  field,
  firstCancelled,
  isDateTime,
  judgeVersionedCancelFields,
  notAfterAnswer,
  notBefore,
  notBeforeCall,
  readAction,
  req,
  statusOf,
  stillActiveAfter,
  suite,
  type TargetDriver,
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

// The fields of `action` once `cancel` (sent with Comment `sent`) took effect, in its 200 and on a GET,
// wherever one shows it Cancelled. Returns the first answer that does: none when the cancel was refused
// (another test's to judge) or the action never showed Cancelled within the bounded wait.
async function expectFieldsKept(
  driver: TargetDriver,
  api: ApiClient,
  action: { id: string; creationDateTimeUtc?: unknown },
  sent: string,
  cancel: Exchange,
  which: string,
): Promise<Exchange | undefined> {
  const seen = cancel.status === 200 ? await firstCancelled(driver, api, action.id, cancel) : undefined;
  for (const answer of [seen, seen === cancel ? await readAction(api, action.id) : undefined])
    if (answer && statusOf(answer) === 'Cancelled')
      expectCancellationFields(
        answer,
        sent,
        action.creationDateTimeUtc,
        `${which} (${answer === cancel ? 'its 200' : 'a GET'})`,
        cancel,
      );
  return seen;
}

// The comment sent, a non-empty requestor and a time no earlier than the creation nor than the cancel
// (`cancel`, its answer), in one answer that shows the action Cancelled; `where` names the answer for
// the reason a failure gives. Each check reaches Playwright's expect only when it does not plainly
// pass: every expect is a step with a source-mapped stack, and this test makes about forty
// (docs/speed.md). A failure is the same expect.
function expectCancellationFields(
  answer: Exchange,
  comment: string,
  created: unknown,
  where: string,
  cancel: Exchange,
): void {
  const sent = field(answer, 'cancellationComment');
  if (sent !== comment) expect(sent, `cancellationComment ${where} is the Comment sent`).toBe(comment);
  const requestor = field(answer, 'cancellationRequestor');
  const named = typeof requestor === 'string' && requestor.trim().length > 0;
  if (!named)
    expect(
      named,
      `cancellationRequestor ${where} is a non-empty string (got ${JSON.stringify(requestor)})`,
    ).toBe(true);
  const cancelledAt = field(answer, 'cancellationDateTimeUtc');
  const createdAt = field(answer, 'creationDateTimeUtc') ?? created;
  const dated = isDateTime(cancelledAt);
  if (!dated)
    expect(
      dated,
      `cancellationDateTimeUtc ${where} is a date-time (got ${JSON.stringify(cancelledAt)})`,
    ).toBe(true);
  const ordered = isDateTime(createdAt) && notBefore(cancelledAt as string, createdAt);
  if (!ordered)
    expect(
      ordered,
      `cancellationDateTimeUtc ${String(cancelledAt)} ${where} is not before creationDateTimeUtc ${String(createdAt)}`,
    ).toBe(true);
  // Nor after the answer that shows it: the time of the cancel (docs/contract.md#after-cancel), not a
  // local time written as UTC, which lies hours ahead. No Date header: nothing to compare with.
  if (dated && notAfterAnswer(cancelledAt, answer) === false)
    expect(
      false,
      `cancellationDateTimeUtc ${cancelledAt} ${where} is not after the answer's Date ${answer.headers.date} (5 minutes' drift allowed)`,
    ).toBe(true);
  // Nor before the cancel: the time of the cancel, not the creation's or another earlier time copied
  // over, which only an action that waited before its cancel tells apart (the stuck one above).
  if (dated && notBeforeCall(cancelledAt, cancel) === false)
    expect(
      false,
      `cancellationDateTimeUtc ${cancelledAt} ${where} is not before the cancel, answered at ${cancel.headers.date} (5 minutes' drift allowed)`,
    ).toBe(true);
}
