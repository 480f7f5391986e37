import {
  caseReading,
  casesIn,
  duplicateAnswer,
  fromCases,
  isPerCase,
  SETTLE_READ_SECONDS,
} from '../../src/contract/index.ts';
import { expect, test } from '../helpers/api-test.ts';

// The two forms of a per-case reading (docs/calibration.md#per-case), read the same way by the emulator
// and the observer.
const notFound = { status: 404, code: 'NotFound' };
const resourceNotFound = { status: 404, code: 'ResourceNotFound' };

test('a reading of every case is the simple form when the cases agree, else the per-case form', () => {
  expect(fromCases('unknown-id', { cancel: notFound, get: { ...notFound } })).toEqual(notFound);
  expect(fromCases('unknown-id', { cancel: notFound, get: resourceNotFound })).toEqual({
    cancel: notFound,
    get: resourceNotFound,
  });
  expect(fromCases('www-authenticate', { missing: null, invalid: null })).toBeNull();
});

test('the answer of one case comes from either form', () => {
  const perCase = { cancel: notFound, get: resourceNotFound };
  expect(caseReading('unknown-id', perCase, 'get')).toEqual(resourceNotFound);
  expect(caseReading('unknown-id', notFound, 'get')).toEqual(notFound);
  expect(caseReading('www-authenticate', null, 'missing')).toBeNull();
  expect(caseReading('www-authenticate', { missing: null, invalid: 'Bearer' }, 'invalid')).toBe('Bearer');
});

test('a simple form is never taken for a per-case one, nor a partial one for a simple one', () => {
  expect(isPerCase('final-state-cancel', { status: 409, code: 'Conflict' })).toBe(false);
  expect(isPerCase('www-authenticate', 'Bearer')).toBe(false);
  expect(casesIn('final-state-cancel', { status: 409, code: 'Conflict' })).toBeUndefined();
  expect(casesIn('final-state-cancel', { Cancelled: { status: 409, code: 'Conflict' } })).toEqual([
    ['Cancelled', { status: 409, code: 'Conflict' }],
  ]);
  expect(casesIn('www-authenticate', null)).toBeUndefined();
});

test('the words of the first format version of duplicate-create keep their meaning', () => {
  expect(duplicateAnswer('reject')).toEqual({ status: 400, code: 'ActiveRequestAlreadyExists' });
  expect(duplicateAnswer('return-existing')).toEqual({ existing: 201 });
  expect(duplicateAnswer({ status: 409, code: 'Conflict' })).toEqual({ status: 409, code: 'Conflict' });
  expect(duplicateAnswer({ existing: 200 })).toEqual({ existing: 200 });
});

test('cancel-visible-after is counted on the settle schedule', () => {
  expect(SETTLE_READ_SECONDS).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5, 30]);
});
