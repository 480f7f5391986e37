import type { JsonWebKey } from 'node:crypto';
import { randomBytes, randomUUID } from 'node:crypto';
import { type ActiveStatus, DEFAULT_SCOPE, type FinalStatus } from '../../contract/index.ts';
import type { EmbeddedTarget, EmulatorTarget } from '../config/target-spec.ts';
import { currentTestInfo } from '../evidence/record-finding.ts';
import { ApiClient } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import type { HttpSettings } from '../http/transport.ts';
import type { Token } from '../identity/client-secret-flow.ts';
import { publishedSigningKeys } from '../identity/published-keys.ts';
import { noteExists } from '../observation/seen-states.ts';
import type { AbsentEndpoints } from './absent-endpoints.ts';
import { ApiClockWatch } from './api-clock.ts';
import type { ControlClient } from './control-client.ts';
import { EmulatorApps } from './emulator-apps.ts';
import { identityToken } from './emulator-identities.ts';
import { readUntil, type Settled } from './eventually.ts';
import { checkSeededOnApi } from './seeded-on-api.ts';
import type { Identity, MachineActionRecord, TargetDriver } from './target-driver.ts';
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

// The scope a seeded action of a type carries: only a scan's and an isolation's are documented.
const SCOPES: Record<string, string> = { RunAntiVirusScan: 'Quick', Isolate: 'Full' };

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
    return this.seed(status);
  }

  async activeActionBehind(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    const machineId = await this.registerMachine();
    await this.seed('Pending', 'Isolate', machineId);
    return this.seed(status, 'RunAntiVirusScan', machineId);
  }

  async activeActionOfType(type: string): Promise<MachineActionRecord> {
    return this.seed('Pending', type);
  }

  async finalAction(status: FinalStatus): Promise<MachineActionRecord> {
    return this.seed(status);
  }

  async readableAction(): Promise<MachineActionRecord> {
    return this.seed('Pending');
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

  // An action of this type and status on a new device, or on `machineId` (registered already).
  private async seed(
    status: string,
    type = 'RunAntiVirusScan',
    machineId?: string,
  ): Promise<MachineActionRecord> {
    const device = machineId ?? (await this.registerMachine());
    const action = await this.control.seedAction({
      tenantId: this.tenantId,
      machineId: device,
      type,
      status,
      ...(SCOPES[type] ? { scope: SCOPES[type] } : {}),
      requestor: 'mde-conformance@example.test',
      requestorComment: `mde-conformance ${this.options.runId}: seeded ${status}`,
    });
    const { id } = action as MachineActionRecord;
    // Another's emulator must show what it seeded; the bundled one's seeding is proven by its own tests.
    if (this.mode === 'emulator') {
      const { apiBaseUrl, http } = this.options;
      const operator = async () => `Bearer ${await this.token('operator')}`;
      await checkSeededOnApi(this.control, apiBaseUrl, id, operator, http.timeoutMs);
    }
    // Seeded through the control protocol, so no API answer showed it: the test holds it all the same,
    // and a 404 to it from its tenant is no unknown id (seen-states.ts).
    noteExists(id, currentTestInfo(), this.tenantId);
    return action as MachineActionRecord;
  }

  private async registerMachine(): Promise<string> {
    const machineId = randomBytes(20).toString('hex');
    await this.control.registerMachine({
      tenantId: this.tenantId,
      id: machineId,
      computerDnsName: `conformance-${machineId.slice(0, 8)}.example.test`,
    });
    return machineId;
  }
}
