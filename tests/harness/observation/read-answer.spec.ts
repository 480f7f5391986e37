import { RATE_PROBE, readRateProbe } from '../../../src/harness/observation/rate-probe.ts';
import {
  asAcceptedOrRefused,
  asCancelAnswerStatus,
  asDuplicateCreate,
  asRefusal,
} from '../../../src/harness/observation/read-answer.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

const refused = (status: number, code: string, headers: Record<string, string> = {}) =>
  answer(status, { error: { code, message: 'm' } }, headers);

test.describe('answers of the telling requests', () => {
  test('refusals, acceptance and what is neither', () => {
    expect(asRefusal(refused(409, 'Conflict'))).toEqual({ reading: { status: 409, code: 'Conflict' } });
    expect(asRefusal(answer(200, {}))).toEqual({ unreadable: 'answered 200, not a 4xx' });
    expect(asRefusal(answer(400, undefined))).toEqual({ unreadable: 'answered 400 without an error code' });
    // Throttled, not answered on its merits.
    expect(asRefusal(refused(429, 'TooManyRequests'))).toHaveProperty('unreadable');
    expect(asAcceptedOrRefused(answer(200, {}))).toEqual({ reading: 'accepted' });
    expect(asAcceptedOrRefused(refused(400, 'MissingRequiredParameter'))).toEqual({
      reading: { status: 400, code: 'MissingRequiredParameter' },
    });
  });

  // "accepted" means the cancel was made (docs/contract.md#cancel-without-comment): a 200 after which
  // the action is still active at the end of the bounded wait is neither that nor a refusal.
  test('a 2xx that left the action active is no acceptance', () => {
    expect(asAcceptedOrRefused(answer(200, {}), 'Pending')).toHaveProperty('unreadable');
    expect(asAcceptedOrRefused(answer(200, {}), 'InProgress')).toHaveProperty('unreadable');
    expect(asAcceptedOrRefused(answer(200, {}), 'Cancelled')).toEqual({ reading: 'accepted' });
    // A device that finished the action by itself first raced the cancel: still read as accepted.
    expect(asAcceptedOrRefused(answer(200, {}), 'Succeeded')).toEqual({ reading: 'accepted' });
    expect(asAcceptedOrRefused(answer(200, {}), undefined)).toEqual({ reading: 'accepted' });
  });

  test("the cancel's 200 shows Cancelled or the action as it was", () => {
    expect(asCancelAnswerStatus(answer(200, { status: 'Cancelled' }))).toEqual({ reading: 'cancelled' });
    expect(asCancelAnswerStatus(answer(200, { status: 'InProgress' }))).toEqual({ reading: 'as-before' });
    expect(asCancelAnswerStatus(answer(200, { status: 'Succeeded' }))).toHaveProperty('unreadable');
  });

  // The precise forms: the words "reject" and "return-existing" of the first format version each name
  // one of them, and another status or code is just as lawful (docs/contract.md#duplicate-create).
  test('a duplicate create is refused, answers the running action, or is neither', () => {
    expect(asDuplicateCreate(refused(400, 'ActiveRequestAlreadyExists'), 'A')).toEqual({
      reading: { status: 400, code: 'ActiveRequestAlreadyExists' },
    });
    expect(asDuplicateCreate(refused(409, 'Conflict'), 'A')).toEqual({
      reading: { status: 409, code: 'Conflict' },
    });
    expect(asDuplicateCreate(answer(201, { id: 'a' }), 'A')).toEqual({ reading: { existing: 201 } });
    expect(asDuplicateCreate(answer(200, { id: 'A' }), 'A')).toEqual({ reading: { existing: 200 } });
    expect(asDuplicateCreate(answer(201, { id: 'B' }), 'A')).toHaveProperty('unreadable');
    expect(asDuplicateCreate(answer(500, undefined), 'A')).toHaveProperty('unreadable');
  });
});

// The probe's answers as each lawful window and Retry-After reading gives them (RATE_PROBE's pattern).
function probe(window: 'sliding' | 'fixed-from-first-call' | 'fixed-clock-aligned', retryAfter: string) {
  const ok = answer(404, { error: { code: 'NotFound', message: 'm' } });
  const busy = refused(429, 'TooManyRequests', {
    'retry-after': retryAfter,
    date: 'Wed, 02 Dec 2026 10:00:50 GMT',
  });
  const late = window === 'sliding' ? [ok, busy] : [ok, ok];
  return {
    opener: ok,
    filled: Array.from({ length: 99 }, () => ok),
    blocked: busy,
    next: window === 'fixed-clock-aligned' ? ok : busy,
    late,
  } satisfies Parameters<typeof readRateProbe>[0];
}

const read = (x: ReturnType<typeof probe>) => {
  const r = readRateProbe(x);
  return [
    'reading' in r.window ? r.window.reading : r.window.unreadable,
    'reading' in r.value ? r.value.reading : r.value.unreadable,
  ];
};

test.describe('the clock probe', () => {
  test('tells the three windows and both Retry-After values apart', () => {
    const left = RATE_PROBE.openAt + RATE_PROBE.window - RATE_PROBE.fillAt;
    expect(read(probe('sliding', String(left)))).toEqual(['sliding', 'time-remaining']);
    expect(read(probe('fixed-from-first-call', String(left)))).toEqual([
      'fixed-from-first-call',
      'time-remaining',
    ]);
    expect(read(probe('fixed-clock-aligned', '10'))).toEqual(['fixed-clock-aligned', 'time-remaining']);
    expect(read(probe('sliding', '60'))).toEqual(['sliding', 'whole-window']);
    // An HTTP-date read against the Date header, one second long from rounding up.
    expect(read(probe('fixed-clock-aligned', 'Wed, 02 Dec 2026 10:01:51 GMT'))).toEqual([
      'fixed-clock-aligned',
      'whole-window',
    ]);
    // And one more against a Date cached up to a second (docs/contract.md#retry-after-form): 62 s.
    expect(read(probe('sliding', 'Wed, 02 Dec 2026 10:01:52 GMT'))).toEqual(['sliding', 'whole-window']);
    // Delta-seconds is the wait itself: 62 is no whole window (61 is, a server's 60.2 s rounded up).
    expect(read(probe('sliding', '61'))).toEqual(['sliding', 'whole-window']);
    expect(read(probe('sliding', '62'))[1]).toMatch(/neither/);
  });

  test('reads nothing when a fresh window is not served in full', () => {
    const x = probe('sliding', '40');
    x.filled[98] = x.blocked;
    const [window, value] = read(x);
    expect(window).toMatch(/1 of the 100 calls of a fresh window answered 429/);
    expect(value).toBe(window);
  });
});
