import { ApiAccessError } from '../../../src/harness/errors.ts';
import { checkOtherAppRoles } from '../../../src/harness/identity/other-app-roles.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk set MDE_LIMITED_CLIENT_ID to the operator app (which holds Machine.Scan): the API lawfully let
// its cancel through, and PERM.NONE read FAIL (exit 1) against the reference emulator. The token's
// `roles` claim says so before any test, as the operator's does; so does a per-role app whose token
// lacks its own role (consent not granted), whose lawful 403 PERM.ROLES would read as a failure.
const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function said(check: () => void): string {
  try {
    check();
    return 'passed';
  } catch (error) {
    expect(error).toBeInstanceOf(ApiAccessError);
    return (error as Error).message;
  }
}

test('a limited app whose token holds an action role stops the run, naming its variable and the role', () => {
  const line = said(() =>
    checkOtherAppRoles(
      'MDE_LIMITED_CLIENT_ID',
      undefined,
      jwt({ roles: ['Machine.Read.All', 'Machine.Scan'] }),
    ),
  );
  expect(line).toContain('the app of MDE_LIMITED_CLIENT_ID');
  expect(line).toContain('Machine.Scan');
  expect(line).toContain('PERM.NONE');
});

test('a per-role app whose token lacks its role stops the run', () => {
  const line = said(() =>
    checkOtherAppRoles('MDE_ROLE_ISOLATE_CLIENT_ID', 'Machine.Isolate', jwt({ roles: ['Machine.Read.All'] })),
  );
  expect(line).toContain('the app of MDE_ROLE_ISOLATE_CLIENT_ID');
  expect(line).toContain('Machine.Isolate');
  expect(line).toContain('PERM.ROLES');
});

test('apps as configured, and tokens whose roles cannot be read, pass', () => {
  expect(
    said(() => checkOtherAppRoles('MDE_LIMITED_CLIENT_ID', undefined, jwt({ roles: ['Machine.Read.All'] }))),
  ).toBe('passed');
  expect(said(() => checkOtherAppRoles('MDE_LIMITED_CLIENT_ID', undefined, jwt({})))).toBe('passed');
  expect(said(() => checkOtherAppRoles('MDE_LIMITED_CLIENT_ID', undefined, 'opaque-token'))).toBe('passed');
  expect(
    said(() =>
      checkOtherAppRoles(
        'MDE_ROLE_ISOLATE_CLIENT_ID',
        'Machine.Isolate',
        jwt({ roles: ['Machine.Isolate'] }),
      ),
    ),
  ).toBe('passed');
});
