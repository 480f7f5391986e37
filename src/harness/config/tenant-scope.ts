import { DEFAULT_SCOPE } from '../../contract/index.ts';
import { GOV_API_HOSTS } from './hosts.ts';

// The scope a tenant run asks for unless MDE_SCOPE says otherwise: the legacy resource every sample
// uses, except in the US Gov clouds, which expect a token for their own API host (docs/contract.md#us-gov).
export function defaultTenantScope(apiBaseUrl: string): string {
  const apiHost = new URL(apiBaseUrl).hostname;
  return GOV_API_HOSTS.includes(apiHost) ? `https://${apiHost}/.default` : DEFAULT_SCOPE;
}
