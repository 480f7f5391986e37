import { type OpenPointId, parseProfile } from '../../../src/contract/index.ts';
import { buildObservedProfile } from '../../../src/reporters/observed/observed-profile.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { reading, runRecords, testRecord } from '../helpers/records.ts';

// How the observed profile writes the points read per case (docs/calibration.md#per-case) and the delay
// of a cancel (docs/contract.md#cancel-visible-after), from the readings the tests recorded.
const conflict = { status: 409, code: 'Conflict' };
const badRequest = { status: 400, code: 'BadRequest' };

// The entry of `point` in the observed profile of tests that each recorded these readings.
function observed(point: OpenPointId, ...perTest: unknown[][]) {
  const records = runRecords(
    perTest.map((values, i) =>
      testRecord({ title: `t${i}`, findings: values.map((v) => reading(point, v)) }),
    ),
  );
  const { document, causes } = buildObservedProfile(records, 'embedded');
  parseProfile(document, 'observed');
  return { entry: document.points[point] as Record<string, unknown>, cause: causes[point] };
}

test.describe('a point read per case', () => {
  test('cases that all answered alike give the simple form', () => {
    const { entry } = observed(
      'final-state-cancel',
      [{ Succeeded: badRequest }],
      [{ Failed: badRequest }, { Cancelled: badRequest }],
      [{ TimeOut: badRequest }],
    );
    expect(entry['reading']).toEqual(badRequest);
  });

  // A read-only tenant holding only a Succeeded action wrote {400 BadRequest} with "1 test(s) saw it":
  // nothing told its reader that Failed, Cancelled and TimeOut were never seen but read as the same (a
  // target answering 409 to a Cancelled one was calibrated to 400).
  test('the simple form from some cases only says which cases were seen and which were not', () => {
    const { entry } = observed('final-state-cancel', [{ Succeeded: badRequest }]);
    expect(entry['reading']).toEqual(badRequest);
    expect(entry['note']).toBe(
      '1 test(s) saw it; seen for Succeeded only (Failed, TimeOut, Cancelled not seen: read as the same)',
    );
    const all = observed(
      'final-state-cancel',
      [{ Succeeded: badRequest }, { Failed: badRequest }],
      [{ Cancelled: badRequest }, { TimeOut: badRequest }],
    );
    expect(all.entry['note']).toBe('2 test(s) saw it');
  });

  test('cases that differed give the per-case form, with evidence of every case', () => {
    const { entry } = observed(
      'final-state-cancel',
      [{ Succeeded: badRequest }],
      [{ Failed: badRequest }],
      [{ Cancelled: conflict }],
      [{ TimeOut: badRequest }],
    );
    expect(entry['reading']).toEqual({
      Succeeded: badRequest,
      Failed: badRequest,
      Cancelled: conflict,
      TimeOut: badRequest,
    });
    expect((entry['evidence'] as unknown[]).length).toBe(4);
    expect(entry['note']).toMatch(/; per case$/);
  });

  test('a case that answered two ways leaves the point unknown, naming the case', () => {
    const { entry, cause } = observed(
      'unknown-id',
      [{ get: { status: 404, code: 'NotFound' } }],
      [{ get: { status: 404, code: 'ResourceNotFound' } }],
    );
    expect(entry['unknown']).toMatch(/^the target answered differently within the run for get: /);
    expect(cause).toBe('conflict');
  });

  test('cases that differ need every case seen', () => {
    const { entry, cause } = observed(
      'final-state-cancel',
      [{ Succeeded: badRequest }],
      [{ Cancelled: conflict }],
    );
    expect(entry['unknown']).toMatch(/differ by case .* and Failed, TimeOut was not seen/);
    expect(cause).toBe('unseen');
  });

  test('an answer whose case could not be told must agree with every case', () => {
    const alike = observed('final-state-cancel', [{ Succeeded: badRequest }], [badRequest]);
    expect(alike.entry['reading']).toEqual(badRequest);
    const apart = observed(
      'www-authenticate',
      [{ missing: null }, { invalid: 'Bearer error="invalid_token"' }],
      ['Bearer'],
    );
    expect(apart.entry['unknown']).toMatch(/could not be told by case/);
  });

  test('www-authenticate: a header only when a token came is read per case', () => {
    const { entry } = observed(
      'www-authenticate',
      [{ missing: null }],
      [{ invalid: 'Bearer error="invalid_token"' }],
    );
    expect(entry['reading']).toEqual({ missing: null, invalid: 'Bearer error="invalid_token"' });
  });
});

test('cancel-visible-after is the longest wait seen: a cancel read late still waited at most that', () => {
  const { entry } = observed('cancel-visible-after', [0], [3.5, 1.5], [0]);
  expect(entry['reading']).toBe(3.5);
});
