import { randomBytes, randomUUID } from 'node:crypto';
import { type ActiveStatus, DEFAULT_SCOPE, type FinalStatus, GRAPH_SCOPE } from '../../contract/index.ts';
import { READ_ROLE } from '../config/roles.ts';
import type { EmbeddedTarget, EmulatorTarget } from '../config/target-spec.ts';
import { ApiClient, type HttpSettings } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import { acquireToken } from '../identity/client-secret-flow.ts';
import { recordIssuedSecret } from '../redaction/secret-fingerprints.ts';
import { ControlClient } from './control-client.ts';
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

interface App {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

// Each driver (one per test) works in its own tenant with its own apps and machines, so tests never
// collide, need no reset, and every identity starts with empty rate-limit windows.
export class EmulatorDriver implements TargetDriver {
  readonly mode: 'embedded' | 'emulator';
  private readonly tenantId = randomUUID();
  private readonly otherTenantId = randomUUID();
  private readonly apps = new Map<string, Promise<App>>();
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

  async freshIdentity(roles: readonly string[]): Promise<ApiClient> {
    const label = `fresh-${++this.freshCount}`;
    const app = this.registerApp(label, this.tenantId, roles);
    let token: Promise<string> | undefined;
    let epoch = -1;
    return this.newClient(label, async () => {
      if (!token || epoch !== this.clockEpoch) {
        epoch = this.clockEpoch;
        token = app.then((a) => this.tokenFor(a, this.options.spec.scope ?? DEFAULT_SCOPE));
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
        return this.tokenFor(await this.registerApp('operator', this.tenantId, OPERATOR_ROLES), scope);
      case 'other-audience':
        return this.tokenFor(await this.registerApp('operator', this.tenantId, OPERATOR_ROLES), GRAPH_SCOPE);
      case 'read-only':
        return this.tokenFor(await this.registerApp('read-only', this.tenantId, [READ_ROLE]), scope);
      case 'other-tenant':
        return this.tokenFor(
          await this.registerApp('other-tenant', this.otherTenantId, OPERATOR_ROLES),
          scope,
        );
      case 'expired': {
        const app = await this.registerApp('expired', this.tenantId, OPERATOR_ROLES);
        const token = await acquireToken({ ...this.tokenRequest(app), scope });
        await this.advanceClock(token.expiresIn + EXPIRY_MARGIN_SECONDS);
        return token.accessToken;
      }
      default: {
        const role = identity.slice('role:'.length);
        return this.tokenFor(await this.registerApp(identity, this.tenantId, [role]), scope);
      }
    }
  }

  private async tokenFor(app: App, scope: string): Promise<string> {
    return (await acquireToken({ ...this.tokenRequest(app), scope })).accessToken;
  }

  private tokenRequest(app: App) {
    return { authBaseUrl: this.options.authBaseUrl, ...app, scope: DEFAULT_SCOPE };
  }

  private registerApp(key: string, tenantId: string, roles: readonly string[]): Promise<App> {
    let app = this.apps.get(key);
    if (!app) {
      const created: App = {
        tenantId,
        clientId: randomUUID(),
        clientSecret: randomBytes(18).toString('base64url'),
      };
      recordIssuedSecret(created.clientSecret);
      app = this.control.registerApp({ ...created, roles: [...roles] }).then(() => created);
      app.catch(() => this.apps.delete(key));
      this.apps.set(key, app);
    }
    return app;
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
