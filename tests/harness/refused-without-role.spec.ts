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
