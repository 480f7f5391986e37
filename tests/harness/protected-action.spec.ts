import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import { NotApplicableError } from '../../src/harness/errors.ts';
import { findingsOf, ofKind } from '../../src/harness/evidence/finding.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import {
  expectProtectedUnchanged,
  FINAL_STATE_4XX,
  NOTHING_TO_PROTECT,
  notApplicable,
  protectedAction,
  roleCheckUndecided,
  stateBefore,
  UNKNOWN_ID_404,
} from '../fixtures/protected-action.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

// PERM.NONE on a read-only tenant: with nothing to protect the cancel goes to an unknown id, and only
// a 404 there stands aside; a 403 is still a pass and any other answer still fails.
const UNKNOWN = '99999999-0000-4000-8000-000000000009';

test('a read-only target without final actions falls back to an unknown id', async () => {
  const driver = {
    activeAction: async () => {
      throw new NotApplicableError('no writes');
    },
    finalAction: async () => {
      throw new NotApplicableError('no Succeeded action');
    },
    unknownId: () => UNKNOWN,
  } as unknown as TargetDriver;
  expect(await protectedAction(driver)).toEqual({ id: UNKNOWN, exists: false, kind: 'unknown' });
});

test('only a 404 for an unknown id leaves the role check undecided', () => {
  const unknown = { id: UNKNOWN, exists: false, kind: 'unknown' } as const;
  const existing = { id: UNKNOWN, exists: true, kind: 'active' } as const;
  expect(roleCheckUndecided(unknown, answer(404, { error: { code: 'NotFound' } }))).toBe(UNKNOWN_ID_404);
  // Judged: 403 passes; 200, 400 and 401 fail as before.
  for (const status of [403, 200, 400, 401])
    expect(roleCheckUndecided(unknown, answer(status, {}))).toBeUndefined();
  // An action that exists must be refused with 403, 404 included.
  expect(roleCheckUndecided(existing, answer(404, {}))).toBeUndefined();
});

test('a 4xx other than 403 Forbidden for a final action leaves the role check undecided; 403 Forbidden and 200 are judged', () => {
  const final = { id: UNKNOWN, exists: true, kind: 'final' } as const;
  for (const status of [400, 404, 409])
    expect(roleCheckUndecided(final, answer(status, { error: { code: 'InvalidRequest' } }))).toBe(
      FINAL_STATE_4XX,
    );
  for (const status of [403, 200, 401, 500])
    expect(roleCheckUndecided(final, answer(status, {}))).toBeUndefined();
  expect(roleCheckUndecided(final, answer(403, { error: { code: 'Forbidden' } }))).toBeUndefined();
  // A 403 with another code (DisallowedOperation) may be the state's refusal, not the role's.
  expect(roleCheckUndecided(final, answer(403, { error: { code: 'DisallowedOperation' } }))).toBe(
    FINAL_STATE_4XX,
  );
});

test('notApplicable hands need() the reason as a NotApplicableError', async () => {
  const error = await notApplicable('why')().catch((e) => e);
  expect(error).toBeInstanceOf(NotApplicableError);
  expect(error.reason).toBe('why');
});

test('with no action to protect, "changes nothing" is reported as not checked instead of passing silently', async () => {
  const unknown = { id: UNKNOWN, exists: false, kind: 'unknown' } as const;
  const api = {
    get: async () => {
      throw new Error('an unknown id has no state to read');
    },
  } as unknown as ApiClient;
  const driver = {} as TargetDriver;
  expect(await stateBefore(driver, api, unknown)).toBeUndefined();
  await expectProtectedUnchanged(driver, api, unknown, undefined);
  expect(ofKind(findingsOf(test.info().annotations), 'unchecked')).toEqual([
    { kind: 'unchecked', text: NOTHING_TO_PROTECT },
  ]);
});

test('an action that exists is read before and compared after: a change fails, no finding is made', async () => {
  const active = { id: UNKNOWN, exists: true, kind: 'active' } as const;
  const states = [{ status: 'Pending' }, { status: 'Cancelled' }];
  const api = {
    get: async () => answer(200, { id: UNKNOWN, ...states.shift() }),
  } as unknown as ApiClient;
  const before = await stateBefore({} as TargetDriver, api, active);
  expect(before).toMatchObject({ status: 'Pending' });
  const error = await expectProtectedUnchanged({} as TargetDriver, api, active, before).catch((e) => e);
  expect(String(error)).toContain('Cancelled');
  expect(ofKind(findingsOf(test.info().annotations), 'unchecked')).toEqual([]);
});

test("a driver's fresh read of the action is its state before the call, without a GET of its own", async () => {
  const active = { id: UNKNOWN, exists: true, kind: 'active' } as const;
  const api = {
    get: async () => {
      throw new Error('the fresh read was to be taken');
    },
  } as unknown as ApiClient;
  const driver = {
    freshRead: () => answer(200, { id: UNKNOWN, status: 'InProgress' }),
  } as unknown as TargetDriver;
  expect(await stateBefore(driver, api, active)).toMatchObject({ status: 'InProgress' });
});
