import { randomBytes, randomUUID } from 'node:crypto';
import { type ActiveStatus, DEFAULT_SCOPE, type FinalStatus, GRAPH_SCOPE } from '../../contract/index.ts';
import { READ_ROLE } from '../config/roles.ts';
import type { EmbeddedTarget, EmulatorTarget } from '../config/target-spec.ts';
import { ApiClient, type HttpSettings } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import { ControlClient } from './control-client.ts';
import { EmulatorApps } from './emulator-apps.ts';
import { readUntil, type Settled } from './eventually.ts';
import type { Identity, MachineActionRecord, TargetDriver, TargetRuntime } from './target-driver.ts';

const OPERATOR_ROLES = ['Machine.Scan', READ_ROLE];
// Past any clock-skew leeway a token validator may allow.
const EXPIRY_MARGIN_SECONDS = 600;

export interface EmulatorRuntimeOptions {
  spec: EmbeddedTarget | EmulatorTarget;
  http: HttpSettings;
  apiBaseUrl: string;
  authBaseUrl: string;
  controlBaseUrl: string;
  runId: string;
}

export function createEmulatorRuntime(options: EmulatorRuntimeOptions): TargetRuntime {
  const control = new ControlClient(options.controlBaseUrl);
  return {
    spec: options.spec,
    apiBaseUrl: options.apiBaseUrl,
    newDriver: () => new EmulatorDriver(options, control),
    close: async () => {},
  };
}

// Each driver (one per test) works in its own tenant with its own apps and machines, so tests never
// collide, need no reset, and every identity starts with empty rate-limit windows.
export class EmulatorDriver implements TargetDriver {
  readonly mode: 'embedded' | 'emulator';
  private readonly tenantId = randomUUID();
  private readonly otherTenantId = randomUUID();
  private readonly apps: EmulatorApps;
  private readonly tokens = new Map<Identity, Promise<string>>();
  private readonly clients = new Map<Identity, ApiClient>();
  private freshCount = 0;
  // Counts clock moves: a token obtained before a move may have expired on the virtual clock.
  private clockEpoch = 0;

  constructor(
    private readonly options: EmulatorRuntimeOptions,
    private readonly control: ControlClient,
  ) {
    this.mode = options.spec.mode;
    this.apps = new EmulatorApps(control, options.authBaseUrl);
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
    let token = this.tokens.get(identity);
    if (!token) {
      token = this.issue(identity);
      token.catch(() => this.tokens.delete(identity));
      this.tokens.set(identity, token);
    }
    return token;
  }

  async activeAction(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    return this.seed(status);
  }

  async finalAction(status: FinalStatus): Promise<MachineActionRecord> {
    return this.seed(status);
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
    this.clockEpoch++;
    // Tokens run on the virtual clock: the next call gets a new one (except the deliberately expired).
    for (const identity of [...this.tokens.keys()]) if (identity !== 'expired') this.tokens.delete(identity);
    return now;
  }

  // The pauses move the virtual clock (and renew tokens, as any move does): nothing sleeps.
  eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<Settled<T>> {
    return readUntil(read, done, (seconds) => this.advanceClock(seconds));
  }

  async freshIdentity(roles: readonly string[]): Promise<ApiClient> {
    const label = `fresh-${++this.freshCount}`;
    const app = this.apps.register(label, this.tenantId, roles);
    let token: Promise<string> | undefined;
    let epoch = -1;
    return this.newClient(label, async () => {
      if (!token || epoch !== this.clockEpoch) {
        epoch = this.clockEpoch;
        token = app.then((a) => this.apps.token(a, this.options.spec.scope ?? DEFAULT_SCOPE));
      }
      return token;
    });
  }

  async teardown(): Promise<void> {}

  private newClient(label: string, token: () => Promise<string>): ApiClient {
    return new ApiClient({
      http: this.options.http,
      baseUrl: this.options.apiBaseUrl,
      caller: { label, authorization: async () => `Bearer ${await token()}` },
    });
  }

  private async issue(identity: Identity): Promise<string> {
    const scope = this.options.spec.scope ?? DEFAULT_SCOPE;
    switch (identity) {
      case 'operator':
        return this.apps.token(await this.apps.register('operator', this.tenantId, OPERATOR_ROLES), scope);
      case 'other-audience':
        return this.apps.token(
          await this.apps.register('operator', this.tenantId, OPERATOR_ROLES),
          GRAPH_SCOPE,
        );
      case 'read-only':
        return this.apps.token(await this.apps.register('read-only', this.tenantId, [READ_ROLE]), scope);
      case 'other-tenant':
        return this.apps.token(
          await this.apps.register('other-tenant', this.otherTenantId, OPERATOR_ROLES),
          scope,
        );
      case 'expired': {
        const app = await this.apps.register('expired', this.tenantId, OPERATOR_ROLES);
        const token = await this.apps.acquire(app, scope);
        await this.advanceClock(token.expiresIn + EXPIRY_MARGIN_SECONDS);
        return token.accessToken;
      }
      default: {
        const role = identity.slice('role:'.length);
        return this.apps.token(await this.apps.register(identity, this.tenantId, [role]), scope);
      }
    }
  }

  private async seed(status: string): Promise<MachineActionRecord> {
    const machineId = randomBytes(20).toString('hex');
    await this.control.registerMachine({
      tenantId: this.tenantId,
      id: machineId,
      computerDnsName: `conformance-${machineId.slice(0, 8)}.example.test`,
    });
    const action = await this.control.seedAction({
      tenantId: this.tenantId,
      machineId,
      type: 'RunAntiVirusScan',
      status,
      scope: 'Quick',
      requestor: 'mde-conformance@example.test',
      requestorComment: `mde-conformance ${this.options.runId}: seeded ${status}`,
    });
    return action as MachineActionRecord;
  }
}
