import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ActiveStatus,
  type FinalStatus,
  GRAPH_SCOPE,
  getContract,
  isFinal,
} from '../../contract/index.ts';
import type { CredentialSpec } from '../config/credential-spec.ts';
import type { ActionRole } from '../config/roles.ts';
import type { TenantTarget } from '../config/target-spec.ts';
import { NotApplicableError, QuotaExceededError, SafetyInterlockError } from '../errors.ts';
import { noVerdict } from '../evidence/no-verdict.ts';
import { ApiClient, type CallGuard, type HttpSettings } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import { QuotaLedger } from '../http/quota-ledger.ts';
import { SignInError } from '../identity/sign-in-error.ts';
import { type TokenSource, tokenSourceFor } from '../identity/token-source.ts';
import type { Identity, MachineActionRecord, TargetDriver, TargetRuntime } from './target-driver.ts';

// Any form a GUID parser accepts (D, N, B, P): such an id could name a real action.
const GUID_FORMS = /^\s*[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[)}]?\s*$/i;
const WRITES_REASON =
  'needs MDE_ALLOW_WRITES=true and MDE_MACHINE_ID: the suite starts a quick antivirus scan on that device to have something to cancel';

export interface LedgerEntry {
  id: string;
  type: string;
  machineId: string;
  createdAt: string;
  // Who brought it to a final state: the test itself, or the teardown.
  cancelledBy?: 'test' | 'teardown';
  lastStatus?: string;
}

export interface TenantRuntimeOptions {
  spec: TenantTarget;
  http: HttpSettings;
  runId: string;
  // test-results/: the quota ledger file and the per-worker action ledgers live there.
  resultsDir: string;
}

// What one worker knows about the tenant: tokens, the actions it created, those it found final, and
// the ids it made up. The interlocks consult it before every write.
export class TenantState implements CallGuard {
  readonly created = new Map<string, LedgerEntry>();
  readonly foundFinal = new Set<string>();
  readonly minted = new Set<string>();
  readonly sources = new Map<CredentialSpec, TokenSource>();
  readonly ledger: QuotaLedger;

  constructor(readonly options: TenantRuntimeOptions) {
    this.ledger = new QuotaLedger({
      file: join(options.resultsDir, 'quota-ledger.json'),
      runId: options.runId,
      share: options.spec.quotaShare,
      limitOf: (operationId) => getContract().rateLimit(operationId),
    });
  }

  async beforeCall(call: {
    caller: string;
    operationId: string;
    method: string;
    id?: string;
  }): Promise<void> {
    const { spec } = this.options;
    if (call.operationId === 'CancelMachineAction') this.assertMayCancel(call.id ?? '');
    else if (call.operationId === 'RunAntiVirusScan') {
      if (!spec.allowWrites) throw noVerdict(new SafetyInterlockError(`starting a scan ${WRITES_REASON}.`));
      if (call.id !== spec.machineId)
        throw noVerdict(
          new SafetyInterlockError(
            'scans may only be started on MDE_MACHINE_ID; refused a scan on another device.',
          ),
        );
    } else if (call.method !== 'GET')
      throw noVerdict(new SafetyInterlockError(`the suite never calls ${call.operationId} on a tenant.`));
    try {
      await this.ledger.reserve(this.quotaKey(call.caller), call.operationId, call.caller === 'throttle');
    } catch (error) {
      throw error instanceof QuotaExceededError ? noVerdict(error) : error;
    }
  }

  // The ledger counts per app of a tenant on a host: the label (what reports show) plus a short hash, so
  // a run against another tenant or with another app does not inherit this one's windows.
  quotaKey(label: string): string {
    const identity = (label === 'throttle' ? 'operator' : label) as Identity;
    const { spec } = this.options;
    const app = clientIdOf(this.app(identity).app);
    const hash = createHash('sha256')
      .update(`${new URL(spec.apiBaseUrl).host}|${spec.tenantId}|${app}`)
      .digest('hex');
    return `${label}#${hash.slice(0, 10)}`;
  }

  // Only what this run created, found final, or made up itself; a malformed id cannot name an action.
  assertMayCancel(id: string): void {
    if (this.created.has(id) || this.foundFinal.has(id) || this.minted.has(id)) return;
    if (!GUID_FORMS.test(id)) return;
    throw noVerdict(
      new SafetyInterlockError(
        `refused to cancel ${id}: this run neither created it nor found it in a final state.`,
      ),
    );
  }

  app(identity: Identity): { app: CredentialSpec; scope: string } {
    const { spec } = this.options;
    const { credentials } = spec;
    switch (identity) {
      case 'operator':
        return { app: credentials.operator, scope: spec.scope };
      case 'other-audience':
        return { app: credentials.operator, scope: GRAPH_SCOPE };
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
      case 'other-tenant':
        throw new NotApplicableError('needs a second tenant, which a single-tenant run does not have');
      default: {
        const role = identity.slice('role:'.length) as ActionRole;
        const app = credentials.roles[role];
        if (!app)
          throw new NotApplicableError(
            `needs an app holding only ${role}: set MDE_ROLE_${role.slice(8).toUpperCase()}_CLIENT_ID and _CLIENT_SECRET or _CLIENT_CERTIFICATE_PATH`,
          );
        return { app, scope: spec.scope };
      }
    }
  }

  // One token source per app; @azure/identity caches and renews its tokens.
  async token(identity: Identity): Promise<string> {
    const { app, scope } = this.app(identity);
    let source = this.sources.get(app);
    if (!source) {
      source = tokenSourceFor(app, {
        authBaseUrl: this.options.spec.authBaseUrl,
        tenantId: this.options.spec.tenantId,
      });
      this.sources.set(app, source);
    }
    try {
      return (await source.token(scope)).accessToken;
    } catch (error) {
      throw error instanceof SignInError ? noVerdict(error) : error;
    }
  }

  writeLedger(): void {
    const dir = join(this.options.resultsDir, 'tenant-ledger');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${this.options.runId}-${process.pid}.json`);
    writeFileSync(
      file,
      JSON.stringify({ runId: this.options.runId, actions: [...this.created.values()] }, null, 2),
    );
  }
}

// The default credential chain may not say which app it is: the ledger then keys by the kind.
function clientIdOf(spec: CredentialSpec): string {
  return spec.clientId ?? spec.kind;
}

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
