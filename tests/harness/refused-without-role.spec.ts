import type { Exchange } from '../../src/harness/http/exchange.ts';
import { expectRefusedWithoutActionRole } from '../fixtures/refused-without-role.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

// PERM.NONE on a tenant: MDE_LIMITED_CLIENT_ID is "an app holding none of the seven action roles",
// which may be an app holding no role at all. Its token then carries no roles claim, and a 401 for it
// is as lawful as for the emulators' no-roles identity (docs/contract.md#permissions).
function answeredTo(claims: Record<string, unknown>, status: number, code: string): Exchange {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const jwt = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ tid: 't', ...claims })}.signature`;
  return {
    ...answer(status, { error: { code, message: 'refused' } }),
    requestHeaders: { authorization: `Bearer ${jwt}` },
  };
}

test('a 401 to a token that holds no role is lawful, whichever identity the suite asked for', () => {
  expectRefusedWithoutActionRole(answeredTo({}, 401, 'Unauthorized'), 'read-only');
  expectRefusedWithoutActionRole(answeredTo({ roles: [] }, 401, 'Unauthorized'), 'read-only');
  expectRefusedWithoutActionRole(answeredTo({}, 401, 'Unauthorized'), 'no-roles');
  expectRefusedWithoutActionRole(answeredTo({}, 403, 'Forbidden'), 'read-only');
});

test('a token that holds a role, only no action role, must get 403 Forbidden', () => {
  for (const claims of [{ roles: ['Machine.Read.All'] }, { scp: 'Machine.Read' }])
    expect(() =>
      expectRefusedWithoutActionRole(answeredTo(claims, 401, 'Unauthorized'), 'read-only'),
    ).toThrow();
  expectRefusedWithoutActionRole(answeredTo({ roles: ['Machine.Read.All'] }, 403, 'Forbidden'), 'read-only');
});

// A tenant's token is opaque to its client: when it is no JWT, whether the limited app holds no role
// at all (a 401 then lawful) cannot be read, so its 401 decides nothing (NA), where it failed PERM.NONE.
test('a 401 to a token that is no JWT is undecided, unless the identity holds roles for sure', () => {
  const opaque: Exchange = {
    ...answer(401, { error: { code: 'Unauthorized', message: 'refused' } }),
    requestHeaders: { authorization: 'Bearer opaqueTokenOfTheTenant0123456789' },
  };
  expect(expectRefusedWithoutActionRole(opaque, 'read-only')).toContain('not a JWT');
  // The emulators' no-roles identity holds none for sure: its 401 is judged, and lawful.
  expect(expectRefusedWithoutActionRole(opaque, 'no-roles')).toBeUndefined();
  // A 403 is judged whatever the token.
  const forbidden = { ...opaque, ...answer(403, { error: { code: 'Forbidden', message: 'm' } }) };
  expect(
    expectRefusedWithoutActionRole({ ...forbidden, requestHeaders: opaque.requestHeaders }, 'read-only'),
  ).toBeUndefined();
});
