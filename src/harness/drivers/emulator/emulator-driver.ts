import type { JsonWebKey } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { type ActiveStatus, DEFAULT_SCOPE, type FinalStatus } from '../../../contract/index.ts';
import type { EmbeddedTarget, EmulatorTarget } from '../../config/target-spec.ts';
import { ApiClient } from '../../http/api-client.ts';
import type { Exchange } from '../../http/exchange.ts';
import type { HttpSettings } from '../../http/transport.ts';
import type { Token } from '../../identity/client-secret-flow.ts';
import { publishedSigningKeys } from '../../identity/published-keys.ts';
import { readUntil, type Settled } from '../eventually.ts';
import type { Identity, MachineActionRecord, TargetDriver } from '../target-driver.ts';
import type { AbsentEndpoints } from './absent-endpoints.ts';
import { ApiClockWatch } from './api-clock.ts';
import type { ControlClient } from './control-client.ts';
import { EmulatorApps } from './emulator-apps.ts';
import { identityToken } from './emulator-identities.ts';
import { EmulatorSeeds } from './emulator-seeds.ts';
import { TokenLeases } from './token-leases.ts';

export interface EmulatorRuntimeOptions {
  spec: EmbeddedTarget | EmulatorTarget;
  http: HttpSettings;
  apiBaseUrl: string;
  authBaseUrl: string;
  controlBaseUrl: string;
  runId: string;
  // An emulator not the suite's own: what the run learnt it lacks (absent-endpoints.ts).
  absent?: AbsentEndpoints;
}

// Each driver (one per test) works in its own tenant with its own apps and machines, so tests never
// collide, need no reset, and every identity starts with empty rate-limit windows.
export class EmulatorDriver implements TargetDriver {
  readonly mode: 'embedded' | 'emulator';
  private readonly tenantId = randomUUID();
  private readonly otherTenantId = randomUUID();
  private readonly apps: EmulatorApps;
  private readonly tokens = new TokenLeases<string>();
  private readonly clients = new Map<Identity, ApiClient>();
  // For each fresh identity's client, how to make another of its app with a token of its own.
  private readonly sameApp = new WeakMap<ApiClient, () => ApiClient>();
  private freshCount = 0;
  private readonly apiClock: ApiClockWatch;
  private readonly seeds: EmulatorSeeds;

  constructor(
    private readonly options: EmulatorRuntimeOptions,
    private readonly control: ControlClient,
  ) {
    this.mode = options.spec.mode;
    this.apps = new EmulatorApps(
      control,
      options.authBaseUrl,
      options.http.timeoutMs,
      options.spec.scope ?? DEFAULT_SCOPE,
    );
    this.apiClock = new ApiClockWatch(control);
    this.seeds = new EmulatorSeeds(control, {
      mode: this.mode,
      tenantId: this.tenantId,
      runId: options.runId,
      apiBaseUrl: options.apiBaseUrl,
      http: options.http,
      operatorToken: () => this.token('operator'),
    });
  }

  async client(identity: Identity): Promise<ApiClient> {
    let client = this.clients.get(identity);
    if (!client) {
      client = this.newClient(identity, () => this.token(identity));
      this.clients.set(identity, client);
    }
    return client;
  }

  token(identity: Identity): Promise<string> {
    return this.tokens.get(identity, () => this.issue(identity), identity === 'expired');
  }

  signingKeys(): Promise<JsonWebKey[]> {
    const { authBaseUrl, http } = this.options;
    return publishedSigningKeys(authBaseUrl, http.timeoutMs, http.ca);
  }

  async activeAction(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    return this.seeds.seed(status);
  }

  async activeActionBehind(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    const machineId = await this.seeds.registerMachine();
    await this.seeds.seed('Pending', 'Isolate', machineId);
    return this.seeds.seed(status, 'RunAntiVirusScan', machineId);
  }

  async activeActionOfType(type: string): Promise<MachineActionRecord> {
    return this.seeds.seed('Pending', type);
  }

  async finalAction(status: FinalStatus, type?: string): Promise<MachineActionRecord> {
    return this.seeds.seed(status, type);
  }

  async readableAction(): Promise<MachineActionRecord> {
    return this.seeds.seed('Pending');
  }

  async createAction(machineId: string): Promise<Exchange> {
    const api = await this.client('operator');
    return api.runAntiVirusScan(machineId, {
      Comment: `mde-conformance ${this.options.runId}: new scan`,
      ScanType: 'Quick',
    });
  }

  unknownId(): string {
    return randomUUID();
  }

  clockNow(): Promise<Date> {
    return this.control.clock();
  }

  async advanceClock(seconds: number): Promise<Date> {
    const now = await this.control.advance(seconds);
    // Tokens run on the virtual clock: one the moves have nearly used up is renewed on its next use.
    this.tokens.moved(seconds);
    return now;
  }

  // The pauses move the virtual clock (and so may renew tokens): nothing sleeps.
  eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<Settled<T>> {
    return readUntil(read, done, (seconds) => this.advanceClock(seconds));
  }

  async freshIdentity(roles: readonly string[]): Promise<ApiClient> {
    const label = `fresh-${++this.freshCount}`;
    const app = this.apps.register(label, this.tenantId, roles);
    const scope = this.options.spec.scope ?? DEFAULT_SCOPE;
    const clientWith = (lease: string) =>
      this.newClient(label, () => this.tokens.get(lease, () => app.then((a) => this.apps.acquire(a, scope))));
    const client = clientWith(label);
    this.sameApp.set(client, () => clientWith(`${label}-again`));
    return client;
  }

  async sameAppClient(client: ApiClient): Promise<ApiClient | undefined> {
    return this.sameApp.get(client)?.();
  }

  async teardown(): Promise<void> {}

  private newClient(label: string, token: () => Promise<string>): ApiClient {
    return new ApiClient({
      http: this.options.http,
      baseUrl: this.options.apiBaseUrl,
      caller: { label, authorization: async () => `Bearer ${await token()}` },
      guard: { beforeCall: async () => undefined, afterCall: (exchange) => this.apiClock.check(exchange) },
    });
  }

  private issue(identity: Identity): Promise<Token> {
    return identityToken(identity, this.apps, {
      tenantId: this.tenantId,
      otherTenantId: this.otherTenantId,
      scope: this.options.spec.scope ?? DEFAULT_SCOPE,
      advanceClock: (seconds) => this.advanceClock(seconds),
    });
  }
}
