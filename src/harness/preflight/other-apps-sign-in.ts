import { roleEnvName } from '../config/roles.ts';
import type { TenantTarget } from '../config/target-spec.ts';
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
    ...(limited ? [['MDE_LIMITED_CLIENT_ID', limited] as const] : []),
    ...Object.entries(roles).map(([role, app]) => [`${roleEnvName(role)}_CLIENT_ID`, app] as const),
  ];
  for (const [variable, app] of apps) {
    if (!app) continue;
    try {
      const token = tokenSourceFor(app, spec).token(spec.scope);
      // Past the time, its failure is the tests' to meet, never an unhandled rejection here.
      token.catch(() => {});
      await withinTime(token, timeoutMs);
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      const named = new SignInError(`the app of ${variable}: ${error.message}`, { cause: error });
      named.refused = error.refused;
      throw named;
    }
  }
}
