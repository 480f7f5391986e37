import { randomUUID } from 'node:crypto';
import { type ActiveStatus, type FinalStatus, isFinal } from '../../contract/index.ts';
import type { TenantTarget } from '../config/target-spec.ts';
import { NotApplicableError } from '../errors.ts';
import { ApiClient } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Identity, MachineActionRecord, TargetDriver, TargetRuntime } from './target-driver.ts';
import { type TenantRuntimeOptions, TenantState, WRITES_REASON } from './tenant-state.ts';

// The tenant target: one TenantState per worker (tokens, what this run created, the quota ledger,
// the interlocks), and a TenantDriver per test over it.
export function createTenantRuntime(options: TenantRuntimeOptions): TargetRuntime {
  const state = new TenantState(options);
  let last: TenantDriver | undefined;
  return {
    spec: options.spec,
    apiBaseUrl: options.spec.apiBaseUrl,
    newDriver: () => {
      last = new TenantDriver(state);
      return last;
    },
    close: async () => {
      // A last sweep for anything a crashed test left running.
      await new TenantDriver(state, [...state.created.keys()]).teardown();
      state.writeLedger();
    },
  };
}

// One per test over the worker's TenantState; teardown cancels what the test created and left running.
export class TenantDriver implements TargetDriver {
  readonly mode = 'tenant' as const;
  private readonly clients = new Map<string, ApiClient>();
  private readonly mine: string[];

  constructor(
    private readonly state: TenantState,
    owned: string[] = [],
  ) {
    this.mine = [...owned];
  }

  private get spec(): TenantTarget {
    return this.state.options.spec;
  }

  async client(identity: Identity): Promise<ApiClient> {
    this.state.app(identity);
    return this.clientAs(identity, identity);
  }

  token(identity: Identity): Promise<string> {
    return this.state.token(identity);
  }

  async activeAction(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    if (!this.spec.allowWrites || !this.spec.machineId) throw new NotApplicableError(WRITES_REASON);
    if (status !== 'Pending')
      throw new NotApplicableError('a new tenant action starts Pending; InProgress cannot be arranged');
    const exchange = await this.createAction(this.spec.machineId);
    const body = exchange.body as MachineActionRecord | undefined;
    if (exchange.status !== 201 || !body?.id)
      throw new NotApplicableError(
        `could not start a quick scan on MDE_MACHINE_ID to cancel (answer ${exchange.status}); is one already running?`,
      );
    return body;
  }

  async finalAction(status: FinalStatus): Promise<MachineActionRecord> {
    const api = await this.client('operator');
    const res = await api.list({ $filter: `status eq '${status}'`, $top: 1 });
    const found = (res.body as { value?: MachineActionRecord[] } | undefined)?.value?.[0];
    if (res.status !== 200)
      throw new Error(`Listing ${status} actions answered ${res.status}; cannot find one read-only.`);
    if (!found || found.status !== status || !isFinal(found.status))
      throw new NotApplicableError(
        `the tenant holds no ${status} action to try (the suite never creates one)`,
      );
    this.state.foundFinal.add(found.id);
    return found;
  }

  async createAction(machineId: string): Promise<Exchange> {
    if (!this.spec.allowWrites || !this.spec.machineId) throw new NotApplicableError(WRITES_REASON);
    const api = await this.client('operator');
    const runTag = `mde-conformance ${this.state.options.runId}`;
    const exchange = await api.runAntiVirusScan(machineId, {
      Comment: `${runTag}: quick scan to cancel`,
      ScanType: 'Quick',
    });
    const body = exchange.body as MachineActionRecord | undefined;
    // A duplicate may come back as someone else's running action (docs/contract.md#duplicate-actions): only an
    // action carrying this run's tag is ours to cancel.
    if (exchange.status === 201 && body?.id && String(body.requestorComment ?? '').includes(runTag)) {
      this.state.created.set(body.id, {
        id: body.id,
        type: body.type,
        machineId,
        createdAt: new Date().toISOString(),
        lastStatus: body.status,
      });
      this.mine.push(body.id);
    }
    return exchange;
  }

  unknownId(): string {
    const id = randomUUID();
    this.state.minted.add(id);
    return id;
  }

  async clockNow(): Promise<Date> {
    return new Date();
  }

  async advanceClock(seconds: number): Promise<Date> {
    if (!this.spec.allowThrottling)
      throw new NotApplicableError(
        'moving time on a tenant means waiting in real time; needs MDE_ALLOW_THROTTLING=true',
      );
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    return new Date();
  }

  async freshIdentity(_roles: readonly string[], window: 'minute' | 'hour' = 'minute'): Promise<ApiClient> {
    if (!this.spec.allowThrottling)
      throw new NotApplicableError(
        'deliberately exhausting a tenant rate limit needs MDE_ALLOW_THROTTLING=true',
      );
    if (window === 'hour' && !this.spec.allowHourThrottling)
      throw new NotApplicableError(
        'exhausting the hour limit takes over 15 real minutes; needs MDE_ALLOW_HOUR_THROTTLING=true',
      );
    // The operator app, counted but not limited by the ledger, once its window holds none of our calls.
    const last =
      this.state.ledger.lastCall(this.state.quotaKey('throttle'), 'CancelMachineAction') ??
      this.state.ledger.lastCall(this.state.quotaKey('operator'), 'CancelMachineAction');
    const windowMs = window === 'hour' ? 3_600_000 : 60_000;
    if (last !== undefined && Date.now() - last < windowMs)
      await new Promise((r) => setTimeout(r, windowMs - (Date.now() - last) + 1000));
    return this.clientAs('throttle', 'operator');
  }

  async teardown(): Promise<void> {
    const api = await this.clientAs('operator', 'operator');
    for (const id of this.mine) {
      const entry = this.state.created.get(id);
      if (!entry) continue;
      const res = await api.get(id);
      const status = (res.body as MachineActionRecord | undefined)?.status;
      entry.lastStatus = status ?? `unknown (GET ${res.status})`;
      if (status && isFinal(status)) {
        entry.cancelledBy ??= status === 'Cancelled' ? 'test' : undefined;
        continue;
      }
      const cancel = await api.cancel(id, {
        Comment: `mde-conformance ${this.state.options.runId}: teardown`,
      });
      if (cancel.status === 200) {
        entry.cancelledBy = 'teardown';
        entry.lastStatus = (cancel.body as MachineActionRecord | undefined)?.status ?? entry.lastStatus;
      }
    }
  }

  private clientAs(label: string, identity: Identity): ApiClient {
    let client = this.clients.get(label);
    if (!client) {
      client = new ApiClient({
        http: this.state.options.http,
        baseUrl: this.spec.apiBaseUrl,
        caller: { label, authorization: async () => `Bearer ${await this.state.token(identity)}` },
        guard: this.state,
      });
      this.clients.set(label, client);
    }
    return client;
  }
}
