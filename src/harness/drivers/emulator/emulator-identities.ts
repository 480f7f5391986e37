import { GRAPH_RESOURCE_SCOPE, OTHER_RESOURCE_SCOPE } from '../../../contract/index.ts';
import { ALERT_READ_ROLE, READ_ROLE, READ_WRITE_ROLE } from '../../config/roles.ts';
import type { Token } from '../../identity/client-secret-flow.ts';
import type { Identity } from '../target-driver.ts';
import type { EmulatorApps } from './emulator-apps.ts';
import { tokenOwnLifetime } from './token-lifetime.ts';

const OPERATOR_ROLES = ['Machine.Scan', READ_ROLE];
// Past any clock-skew leeway a token validator may allow.
const EXPIRY_MARGIN_SECONDS = 600;
// A token's own lifetime past this is no lifetime (an iat on another clock): expires_in is taken.
const MAX_OWN_LIFETIME_SECONDS = 86_400;

// Where one emulator driver's identities live: its tenant, another tenant, the scope its tokens are
// for, and its virtual clock (moved past the expired identity's token).
export interface IdentityPlace {
  tenantId: string;
  otherTenantId: string;
  scope: string;
  advanceClock(seconds: number): Promise<unknown>;
}

// What each identity a test names is on an emulator: an app of the driver's tenant (or another) with
// these roles, and a token of it for this scope.
export async function identityToken(
  identity: Identity,
  apps: EmulatorApps,
  place: IdentityPlace,
): Promise<Token> {
  const { tenantId, otherTenantId, scope } = place;
  const operator = () => apps.register('operator', tenantId, OPERATOR_ROLES);
  switch (identity) {
    case 'operator':
      return apps.acquire(await operator(), scope);
    case 'other-audience':
      return apps.acquire(await operator(), OTHER_RESOURCE_SCOPE);
    case 'graph-audience':
      // Asked of emulators only since AUTH.AUDIENCE sent it: one that refuses it keeps its run whole.
      return apps.acquire(await operator(), GRAPH_RESOURCE_SCOPE, true);
    case 'read-only':
      return apps.acquire(await apps.register('read-only', tenantId, [READ_ROLE]), scope);
    case 'read-write':
      return apps.acquire(await apps.register('read-write', tenantId, [READ_WRITE_ROLE]), scope);
    case 'read-roles': {
      const roles = [READ_ROLE, READ_WRITE_ROLE, ALERT_READ_ROLE];
      return apps.acquire(await apps.register('read-roles', tenantId, roles), scope);
    }
    case 'no-roles':
      return apps.acquire(await apps.register('no-roles', tenantId, []), scope);
    case 'other-tenant':
      return apps.acquire(await apps.register('other-tenant', otherTenantId, OPERATOR_ROLES), scope);
    case 'expired': {
      const app = await apps.register('expired', tenantId, OPERATOR_ROLES);
      const token = await apps.acquire(app, scope);
      // Past expires_in, and past the token's own exp where it outlives that (a day at most): a token
      // still alive would fail AUTH.EXPIRED for the token endpoint's fault.
      const own = tokenOwnLifetime(token.accessToken) ?? 0;
      const life = own > token.expiresIn && own <= MAX_OWN_LIFETIME_SECONDS ? own : token.expiresIn;
      await place.advanceClock(life + EXPIRY_MARGIN_SECONDS);
      return token;
    }
    default: {
      const role = identity.slice('role:'.length);
      return apps.acquire(await apps.register(identity, tenantId, [role]), scope);
    }
  }
}
