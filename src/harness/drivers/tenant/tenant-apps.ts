import { OTHER_RESOURCE_SCOPE } from '../../../contract/index.ts';
import type { CredentialSpec } from '../../config/credential-spec.ts';
import { type ActionRole, roleEnvName } from '../../config/roles.ts';
import type { TenantTarget } from '../../config/target-spec.ts';
import { NotApplicableError } from '../../errors.ts';
import type { Identity } from '../target-driver.ts';

// The app and scope each test identity signs in with on a tenant: the configured operator, limited and
// single-role apps; an identity a tenant run cannot have (an expired token, a second tenant) is N/A.
export function tenantApp(spec: TenantTarget, identity: Identity): { app: CredentialSpec; scope: string } {
  const { credentials } = spec;
  switch (identity) {
    case 'operator':
      return { app: credentials.operator, scope: spec.scope };
    case 'other-audience':
      return { app: credentials.operator, scope: OTHER_RESOURCE_SCOPE };
    case 'read-only':
      if (!credentials.limited)
        throw new NotApplicableError(
          'needs MDE_LIMITED_CLIENT_ID with a secret or certificate (an app with none of the action roles)',
        );
      return { app: credentials.limited, scope: spec.scope };
    case 'expired':
      throw new NotApplicableError(
        'an expired token needs an hour of real time on a tenant; there is no clock to advance',
      );
    case 'graph-audience':
      throw new NotApplicableError(
        "a tenant's Microsoft Graph token carries a nonce that leaves its signature unverifiable to the API",
      );
    case 'read-write':
      throw new NotApplicableError(
        'needs an app holding only Machine.ReadWrite.All, which a tenant run does not configure',
      );
    case 'read-roles':
      throw new NotApplicableError(
        'needs an app holding Machine.Read.All, Machine.ReadWrite.All and Alert.Read.All and no action role, which a tenant run does not configure',
      );
    case 'no-roles':
      throw new NotApplicableError(
        'needs an app holding no role at all, which a tenant run does not configure',
      );
    case 'other-tenant':
      throw new NotApplicableError('needs a second tenant, which a single-tenant run does not have');
    default: {
      const role = identity.slice('role:'.length) as ActionRole;
      const app = credentials.roles[role];
      if (!app)
        throw new NotApplicableError(
          `needs an app holding only ${role}: set ${roleEnvName(role)}_CLIENT_ID and _CLIENT_SECRET or _CLIENT_CERTIFICATE_PATH`,
        );
      return { app, scope: spec.scope };
    }
  }
}
