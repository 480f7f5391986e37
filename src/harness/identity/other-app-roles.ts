import { ACTION_ROLES, type ActionRole } from '../config/roles.ts';
import { ApiAccessError } from '../errors.ts';
import { readJwt } from './jwt-claims.ts';

// The limited app must hold no action role, and each per-role app its own: otherwise the API's lawful
// answer (a cancel let through, a 403) would read as PERM.NONE or PERM.ROLES failing. As for the
// operator (operator-roles.ts), only a readable `roles` claim is judged; any other token is left to the tests.
export function checkOtherAppRoles(
  variable: string,
  role: ActionRole | undefined,
  accessToken: string,
): void {
  const roles = readJwt(accessToken)?.claims['roles'];
  if (!Array.isArray(roles)) return;
  const listed = roles.join(', ') || 'none';
  if (role === undefined) {
    const held = roles.filter((r) => ACTION_ROLES.includes(r));
    if (held.length > 0)
      throw new ApiAccessError(
        `the app of ${variable} holds the action role ${held.join(', ')} (roles: ${listed}), so its cancels are lawfully served and PERM.NONE cannot be judged: name an app holding none of the seven (e.g. only Machine.Read.All), or unset ${variable}`,
      );
  } else if (!roles.includes(role))
    throw new ApiAccessError(
      `the app of ${variable} does not hold ${role} (roles: ${listed}), so its cancels are lawfully refused and PERM.ROLES cannot be judged: grant it the application permission ${role} of WindowsDefenderATP with admin consent, or unset ${variable}`,
    );
}
