import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { EntraRefusal } from './entra-error.ts';

// Where the emulator's authority lives and which tenants it knows. Entra ID names its issuers after
// its own hosts whatever host serves the document, and so does the emulator; every endpoint, on the
// other hand, is on the emulator's own origin.

// The tenants Entra ID serves besides real ones: discovery works for them, with {tenantid} in issuers.
const META_TENANTS = ['common', 'organizations', 'consumers'] as const;

export const issuerV1 = (tenant: string) => `https://sts.windows.net/${tenant}/`;
export const issuerV2 = (tenant: string) => `https://login.microsoftonline.com/${tenant}/v2.0`;

// The origin the client used (scheme, host and port), so documents point where the client can reach.
export function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function isMetaTenant(tenant: string): boolean {
  return (META_TENANTS as readonly string[]).includes(tenant.toLowerCase());
}

// A tenant is known once an app is registered in it (control protocol or seed). Compared without case:
// msal-node lowercases the authority.
export function requireKnownTenant(ctx: EmulatorContext, tenant: string, errorOverride?: string): void {
  if (ctx.state.apps.hasTenant(tenant)) return;
  throw new EntraRefusal(
    'tenantNotFound',
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into ` +
      'the correct cloud. Check with your subscription administrator, this may happen if there are no ' +
      'active subscriptions for the tenant.',
    errorOverride,
  );
}

// The audiences a certificate assertion may name: the tenant's token endpoints on this origin (msal-node
// and MSAL for Python use the discovery document's token_endpoint) and the authority itself.
export function assertionAudiences(request: FastifyRequest, tenant: string): string[] {
  const base = `${originOf(request)}/${tenant}`.toLowerCase();
  return [`${base}/oauth2/v2.0/token`, `${base}/oauth2/token`, `${base}/v2.0`, base];
}

export function audienceMatches(aud: unknown, allowed: string[]): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some(
    (value) =>
      typeof value === 'string' && allowed.includes(value.split('?')[0]!.replace(/\/+$/, '').toLowerCase()),
  );
}
