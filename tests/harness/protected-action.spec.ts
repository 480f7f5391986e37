import { expect, test } from '@playwright/test';
import type { TargetDriver } from '../../src/harness/drivers/target-driver.ts';
import { NotApplicableError } from '../../src/harness/errors.ts';
import {
  FINAL_STATE_4XX,
  notApplicable,
  protectedAction,
  roleCheckUndecided,
  UNKNOWN_ID_404,
} from '../fixtures/protected-action.ts';
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
