import { ENTRA_ERRORS } from '../../contract/entra-errors.ts';

// Entra ID codes a tenant answers and the reference emulator does not (so they are not in
// src/contract/entra-errors.ts), each with the setting or the tenant's side to fix: Entra's own page
// ("see https://login.microsoftonline.com/error?code=...") does not say what to check.
const FIXES: Record<number, string> = {
  // The resource of the scope has no service principal in the tenant: a typo in MDE_SCOPE, another
  // cloud's resource, or a tenant where Defender for Endpoint was never set up.
  500011:
    'the tenant has no resource MDE_SCOPE names: check MDE_SCOPE (https://api.securitycenter.microsoft.com/.default for WindowsDefenderATP; the Gov hosts their own), and that Defender for Endpoint is set up in this tenant',
  70011: 'the scope is not one Entra ID takes: check MDE_SCOPE, a resource URI ending in /.default',
  7000112:
    "the app is disabled in the tenant: enable sign-in for it (Enterprise applications, the app's Properties)",
  53003:
    "a Conditional Access policy blocks the app's sign-in (for workload identities, often by location): ask the tenant's admin to allow this runner",
};

export function extraEntraFix(code: number): string | undefined {
  return FIXES[code];
}

// AADSTS700027 for a federated token: no certificate of the app is involved, so "upload the
// certificate" sent a walk to the wrong page. The token's issuer signs it with a key it publishes.
export function federatedSignatureFix(aadsts: string | undefined, kind: string): string | undefined {
  if (Number(aadsts) !== ENTRA_ERRORS.invalidSignature.code) return undefined;
  if (kind !== 'federated' && kind !== 'github-oidc') return undefined;
  return "the federated token's signature does not verify with the keys its issuer publishes (its OpenID configuration's jwks_uri; an emulator's federated credential, its jwks): check that the token file holds the issuer's token unaltered, or that the credential's keys are the issuer's";
}
