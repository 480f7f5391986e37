import { ApiClient } from '../../http/api-client.ts';
import type { Identity } from '../target-driver.ts';
import { tenantServerFailures } from './tenant-server-failures.ts';
import type { TenantState } from './tenant-state.ts';
import { tenantThrottledReads } from './tenant-throttled-reads.ts';

// A tenant driver's API clients, one per caller label and 5xx policy, made on first use: each signs
// in as its identity through the worker's TenantState, whose ledger and interlocks guard every call.
export class TenantClients {
  private readonly clients = new Map<string, ApiClient>();

  constructor(private readonly state: TenantState) {}

  // `retried`: a 5xx is asked again or ends the test (tenant-server-failures.ts), and a read's 429 is
  // asked again after its Retry-After (tenant-throttled-reads.ts); the label is the ledger's caller either way.
  as(label: string, identity: Identity, retried: boolean): ApiClient {
    const key = `${label}${retried ? '' : ' as sent'}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new ApiClient({
        http: this.state.options.http,
        baseUrl: this.state.options.spec.apiBaseUrl,
        caller: { label, authorization: async () => `Bearer ${await this.state.token(identity)}` },
        guard: this.state,
        clock: this.state.clock,
        ...(retried
          ? {
              serverFailures: tenantServerFailures(this.state, () => this.as('operator', 'operator', true)),
              throttledReads: tenantThrottledReads(this.state),
            }
          : {}),
      });
      this.clients.set(key, client);
    }
    return client;
  }
}
