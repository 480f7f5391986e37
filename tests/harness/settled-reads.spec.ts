import { PreconditionError } from '../../src/harness/drivers/precondition-error.ts';
import { FINDING_ANNOTATION } from '../../src/harness/evidence/finding.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { judgeAcceptedCancel } from '../fixtures/accepted-cancel.ts';
import { readAction } from '../fixtures/action-reads.ts';
import { laterOrSame, readState, sameStage } from '../fixtures/action-state.ts';
import { cancelNotShown } from '../fixtures/cancel-effect.ts';
import { firstCancelled, statusAfter } from '../fixtures/first-cancelled.ts';
import { alignClock } from '../fixtures/rate-limit.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';
import { fakeDriver } from './fake-clock-driver.ts';

// The conformance fixtures that read what may show "shortly after", and the set-up reads that must
// end a test without a verdict rather than fail it.
const ID = 'ffffffff-0000-4000-8000-000000000006';

// GETs that show Cancelled once `showsAfterMs` of the fake clock have passed (Infinity: never).
function api(now: () => number, startMs: number, showsAfterMs: number) {
  let gets = 0;
  const client = {
    get: async () => {
      gets++;
      return answer(200, { id: ID, status: now() - startMs >= showsAfterMs ? 'Cancelled' : 'Pending' });
    },
  };
  return { api: client as unknown as ApiClient, gets: () => gets };
}

// A cancel's 200 as the API client records it.
const cancelAnswer = (body: unknown) => ({
  ...answer(200, body),
  operationId: 'CancelMachineAction',
  method: 'POST',
  url: `http://target.test/api/machineactions/${ID}/cancel`,
  pathTemplate: '/api/machineactions/{id}/cancel',
});

// What the settle reads recorded for docs/contract.md#cancel-visible-after, taken off the running test.
function visibleAfter(): unknown[] {
  const { annotations } = test.info();
  const findings = annotations
    .filter((a) => a.type === FINDING_ANNOTATION)
    .map((a) => JSON.parse(a.description!) as { point?: string; reading?: unknown; text?: string });
  annotations.length = 0;
  return findings.filter((f) => f.point === 'cancel-visible-after').map((f) => f.reading ?? f.text);
}

test.describe('a cancel that shows shortly after its 200', () => {
  test('a 200 that already shows Cancelled is the answer; a GET still reads when reads show it', async () => {
    const { driver, moves, now } = fakeDriver();
    const reads = api(now, now(), 0);
    const cancel = cancelAnswer({ id: ID, status: 'Cancelled' });
    expect(await firstCancelled(driver, reads.api, ID, cancel)).toBe(cancel);
    expect(reads.gets()).toBe(1);
    expect(moves).toEqual([]);
    expect(visibleAfter()).toEqual([0]);
  });

  test('a 200 that shows Cancelled while reads lag: the reads go on, so the device is free after', async () => {
    const { driver, moves, now } = fakeDriver();
    const reads = api(now, now(), 1000);
    const cancel = cancelAnswer({ id: ID, status: 'Cancelled' });
    expect(await firstCancelled(driver, reads.api, ID, cancel)).toBe(cancel);
    expect(moves).toEqual([0.5, 1]);
    expect(visibleAfter()).toEqual([1.5]);
  });

  test('a GET made right after the cancel that shows Cancelled is taken as it is, without reading', async () => {
    const { driver, moves, now } = fakeDriver();
    const reads = api(now, now(), 0);
    const get = answer(200, { id: ID, status: 'Cancelled' });
    expect(await firstCancelled(driver, reads.api, ID, get)).toBe(get);
    expect([reads.gets(), moves]).toEqual([0, []]);
    expect(visibleAfter()).toEqual([0]);
  });

  test('a cancel that shows only two seconds later is found by moving the clock, not by more immediate reads', async () => {
    const { driver, moves, now } = fakeDriver();
    const reads = api(now, now(), 2000);
    const shown = await firstCancelled(driver, reads.api, ID, cancelAnswer({ id: ID, status: 'Pending' }));
    expect(shown?.body).toMatchObject({ status: 'Cancelled' });
    // 0, 0.5, 1.5, 3.5 s: five immediate reads would all have said Pending.
    expect(moves).toEqual([0.5, 1, 2]);
    expect(reads.gets()).toBe(4);
    // The read that showed it, on the settle schedule: what an emulator calibrated from it waits.
    expect(visibleAfter()).toEqual([3.5]);
  });

  test('a cancel that never shows ends the wait at the bound, undefined', async () => {
    const { driver, moves, now } = fakeDriver();
    const reads = api(now, now(), Number.POSITIVE_INFINITY);
    expect(await firstCancelled(driver, reads.api, ID, cancelAnswer({ status: 'Pending' }))).toBeUndefined();
    expect(moves.reduce((a, b) => a + b, 0)).toBe(30);
    expect(visibleAfter()).toEqual([
      expect.stringMatching(/^no GET within 30 s after the cancel's 200 showed/),
    ]);
  });

  test('the status after a refusal is read once; after a 200, once the cancel could show', async () => {
    const { driver, now } = fakeDriver();
    const reads = api(now, now(), 2000);
    expect(await statusAfter(driver, reads.api, ID, answer(400, { error: { code: 'BadRequest' } }))).toBe(
      'Pending',
    );
    expect(await statusAfter(driver, reads.api, ID, answer(200, { status: 'Pending' }))).toBe('Cancelled');
  });

  test('the status after a 200 that shows Cancelled is what GETs show: a cancel never stored stays Pending', async () => {
    const { driver, now } = fakeDriver();
    const reads = api(now, now(), Number.POSITIVE_INFINITY);
    const claimed = cancelAnswer({ id: ID, status: 'Cancelled' });
    expect(await statusAfter(driver, reads.api, ID, claimed)).toBe('Pending');
    judgeAcceptedCancel(claimed, 'Pending');
    judgeAcceptedCancel(cancelAnswer({ id: ID, status: 'Pending' }), 'Pending');
    const { annotations } = test.info();
    const violations = annotations
      .filter((a) => a.type === FINDING_ANNOTATION)
      .map((a) => JSON.parse(a.description!) as { kind: string; id?: string })
      .filter((f) => f.kind === 'violation');
    annotations.length = 0;
    // The answer that claimed the cancel broke PERSIST; the one that did not even claim it, STATUS.
    expect(violations.map((v) => v.id)).toEqual(['CANCEL.PERSIST', 'CANCEL.STATUS']);
  });
});

// PERM.ROLES said only "expected true, got false" to a Python emulator whose GETs read "Canceled": the
// reason now says what the bounded wait's last GET read, or what the cancel answered.
test.describe('why a cancel did not take effect', () => {
  const reading = (status: string) => ({
    get: async () => answer(200, { id: ID, status }),
  });
  test('is nothing when a GET shows Cancelled', async () => {
    const { driver } = fakeDriver();
    const client = reading('Cancelled') as unknown as ApiClient;
    expect(
      await cancelNotShown(driver, client, ID, cancelAnswer({ id: ID, status: 'Cancelled' })),
    ).toBeUndefined();
  });
  test("names the status the bounded wait's last GET read", async () => {
    const { driver } = fakeDriver();
    const client = reading('Canceled') as unknown as ApiClient;
    const why = await cancelNotShown(driver, client, ID, cancelAnswer({ id: ID, status: 'Canceled' }));
    expect(why).toContain('status "Canceled"');
  });
  test('names the status a cancel answered other than 200', async () => {
    const { driver } = fakeDriver();
    const client = reading('Pending') as unknown as ApiClient;
    const why = await cancelNotShown(driver, client, ID, { ...cancelAnswer({ id: ID }), status: 201 });
    expect(why).toBe('the cancel answered 201');
  });
});

test('a set-up read that does not answer 200 ends the test without a verdict, not as a failure', async () => {
  const reads = { get: async () => answer(404, { error: { code: 'NotFound', message: 'x' } }) };
  const error = await readState(reads as unknown as ApiClient, ID).catch((e) => e);
  expect(error).toBeInstanceOf(PreconditionError);
  const { annotations } = test.info();
  const findings = annotations.filter((a) => a.type === FINDING_ANNOTATION);
  expect(findings.map((a) => JSON.parse(a.description!))).toEqual([
    expect.objectContaining({ kind: 'no-verdict', cause: 'target', code: 'PRECONDITION' }),
  ]);
  annotations.length = 0;
});

test('a read the cancel was to show on that is throttled ends the test without a verdict, not as a failure', async () => {
  const { driver } = fakeDriver();
  const throttled = { get: async () => answer(429, { error: { code: 'TooManyRequests', message: 'x' } }) };
  const reads = throttled as unknown as ApiClient;
  const error = await firstCancelled(driver, reads, ID, cancelAnswer({ status: 'Pending' })).catch((e) => e);
  expect(error).toBeInstanceOf(PreconditionError);
  // Also the read a test falls back on, and the one an observation records.
  expect(await readAction(reads, ID).catch((e) => e)).toBeInstanceOf(PreconditionError);
  expect(await statusAfter(driver, reads, ID, answer(400, {})).catch((e) => e)).toBeInstanceOf(
    PreconditionError,
  );
  const { annotations } = test.info();
  // The same finding twice is recorded once.
  const texts = annotations
    .filter((a) => a.type === FINDING_ANNOTATION)
    .map((a) => JSON.parse(a.description!) as { kind: string; text: string })
    .filter((f) => f.kind === 'no-verdict')
    .map((f) => f.text);
  expect(texts).toEqual([
    `GET ${ID} answered 429 while the cancel was to show; run again`,
    `GET ${ID} answered 429 when the test read the action; run again`,
  ]);
  annotations.length = 0;
});

test('statuses read apart are compared with the lifecycle in mind', () => {
  // One action read twice: its own lifecycle may move on, never back, and never to Cancelled.
  expect(laterOrSame('Pending', 'Pending')).toBe(true);
  expect(laterOrSame('Pending', 'InProgress')).toBe(true);
  expect(laterOrSame('InProgress', 'Pending')).toBe(false);
  expect(laterOrSame('Pending', 'Cancelled')).toBe(false);
  // Two actions answered alike: the same status, or both still active.
  expect(sameStage('Pending', 'InProgress')).toBe(true);
  expect(sameStage('Cancelled', 'Cancelled')).toBe(true);
  expect(sameStage('Pending', 'Cancelled')).toBe(false);
  expect(sameStage(undefined, 'Pending')).toBe(false);
});

test.describe('alignClock starts two seconds into a minute of the target', () => {
  const cases = [
    { at: '10:00:00.500', after: 2, moves: [1.5] },
    { at: '10:00:30.000', after: 2, moves: [32] },
    { at: '10:00:02.000', after: 2, moves: [] },
    { at: '10:00:30.000', after: 0, moves: [30] },
  ];
  for (const { at, after, moves: expected } of cases)
    test(`from ${at}, ${after} s into the next window`, async () => {
      const { driver, moves } = fakeDriver(Date.parse(`2026-03-02T${at}Z`));
      await alignClock(driver, 'minute', after);
      expect(moves).toEqual(expected);
    });
});
