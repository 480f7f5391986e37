import { GOV_HIGH_API_HOSTS, isLoopback } from './hosts.ts';
import type { TargetSpec } from './target-spec.ts';

// Each Microsoft API host signs in at one cloud's authority (docs/contract.md#us-gov): GCC High and DoD
// at login.microsoftonline.us, every other host at login.microsoftonline.com. An authority of the other
// cloud (often AZURE_AUTHORITY_HOST, set for a pipeline's other Azure jobs) does not know the tenant
// (AADSTS90002), and that line points at MDE_TENANT_ID. A warning: loopback authorities are left alone.
const PUBLIC = 'login.microsoftonline.com';
const GOV = 'login.microsoftonline.us';

export function cloudMismatchWarnings(target: TargetSpec): string[] {
  if (target.mode !== 'tenant') return [];
  const api = new URL(target.apiBaseUrl).hostname.toLowerCase();
  const auth = new URL(target.authBaseUrl).hostname.toLowerCase();
  const rehearsal = rehearsalAuthorityWarning(target, api, auth);
  if (rehearsal) return [rehearsal];
  if (auth !== PUBLIC && auth !== GOV) return [];
  const expected = GOV_HIGH_API_HOSTS.includes(api) ? GOV : PUBLIC;
  if (auth === expected || isLoopback(api)) return [];
  const variable = target.variables?.authBaseUrl ?? 'MDE_AUTH_BASE_URL';
  return [
    `warning: ${variable} names https://${auth}, but ${api} signs in at https://${expected} (docs/contract.md#us-gov); a tenant of one cloud is unknown at the other's authority (AADSTS90002): set ${variable}=https://${expected}, or unset it`,
  ];
}

// A rehearsal against an emulator on this machine signs in there by default, but AZURE_AUTHORITY_HOST
// (set machine-wide for the Azure SDKs) comes first: the sign-in went to Microsoft's authority, whose
// token the emulator cannot take, and the line blamed the network. Only for the namesake: a loopback
// API with a remote MDE_AUTH_BASE_URL, set for this run, is a forwarder to a tenant, not a mistake.
function rehearsalAuthorityWarning(target: TargetSpec, api: string, auth: string): string | undefined {
  if (target.mode !== 'tenant' || target.variables?.authBaseUrl !== 'AZURE_AUTHORITY_HOST') return undefined;
  if (!isLoopback(api) || isLoopback(auth)) return undefined;
  return `warning: AZURE_AUTHORITY_HOST names https://${auth}, so the sign-in goes there, while MDE_API_BASE_URL is on this machine (an emulator): for a rehearsal, set MDE_AUTH_BASE_URL=${new URL(target.apiBaseUrl).origin}, which comes before AZURE_AUTHORITY_HOST`;
}
