import { ACTION_ROLES } from '../config/roles.ts';
import { ApiAccessError } from '../errors.ts';
import { readJwt } from './jwt-claims.ts';

// A cancel needs one of the seven action roles, even of an unknown id (docs/contract.md#permissions),
// and a read-only run cancels unknown, malformed and final ids. An operator app holding only
// Machine.Read.All passes the preflight's read, and its cancels would then be refused with a lawful 403
// that the tests read as failures (CANCEL.NOTFOUND FAIL, exit 1). The token's `roles` claim, which
// Entra ID documents for app tokens, says so before any test; a token whose claims cannot be read is
// left to the tests.
export function checkOperatorHoldsActionRole(accessToken: string): void {
  // Only a roles claim naming no action role stops the run; a token without one is left to the tests.
  const roles = readJwt(accessToken)?.claims['roles'];
  if (!Array.isArray(roles) || roles.some((role) => ACTION_ROLES.includes(role))) return;
  throw new ApiAccessError(
    `the operator app's token holds no action role (roles: ${roles.join(', ') || 'none'}); a cancel needs one, even of an unknown id: grant the app the application permission Machine.Scan of WindowsDefenderATP, with admin consent`,
  );
}
