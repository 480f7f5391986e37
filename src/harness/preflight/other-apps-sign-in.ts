import { roleEnvName } from '../config/roles.ts';
import type { TenantTarget } from '../config/target-spec.ts';
import { checkOtherAppRoles } from '../identity/other-app-roles.ts';
import { SignInError } from '../identity/sign-in-error.ts';
import { tokenSourceFor } from '../identity/token-source.ts';
import { withinTime } from './within-time.ts';

// The limited app and the per-role apps sign in before any test, as the operator does: a wrong
// MDE_LIMITED_CLIENT_SECRET is configuration (exit 2), not an ERROR in the test that first needs it. The
// line names the app's variable: the authority's message names no app (client ids are redacted).
// A sign-in that is merely slow is left to the tests, which report what they meet.
export async function checkOtherAppsSignIn(spec: TenantTarget, timeoutMs: number): Promise<void> {
  const { limited, roles } = spec.credentials;
  const apps = [
    ...(limited ? [['MDE_LIMITED_CLIENT_ID', limited, undefined] as const] : []),
    ...Object.entries(roles).map(([role, app]) => [`${roleEnvName(role)}_CLIENT_ID`, app, role] as const),
  ];
  for (const [variable, app, role] of apps) {
    if (!app) continue;
    let accessToken: string | undefined;
    try {
      const token = tokenSourceFor(app, spec).token(spec.scope);
      // Past the time, its failure is the tests' to meet, never an unhandled rejection here.
      token.catch(() => {});
      accessToken = (await withinTime(token, timeoutMs))?.accessToken;
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      const named = new SignInError(`the app of ${variable}: ${error.message}`, { cause: error });
      named.refused = error.refused;
      throw named;
    }
    // Its roles, as the tests will need them: a limited app with an action role, or a role app without
    // its own, would have the API's lawful answer read as a failure.
    if (accessToken) checkOtherAppRoles(variable, role, accessToken);
  }
}
