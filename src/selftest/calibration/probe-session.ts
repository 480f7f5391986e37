import { randomBytes, randomUUID } from 'node:crypto';
import { SETTLE_PAUSES_SECONDS } from '../../contract/index.ts';
import { field } from './probe-answer.ts';
import type { ProbeAnswer, ProbeClient } from './probe-client.ts';
import type { ProbeClock } from './probe-clock.ts';

const ROLES = ['Machine.Scan', 'Machine.Read.All'];

// The probe's calls as one app of a tenant of its own: the API with that app's token, and actions
// seeded through the control protocol, made alike on both emulators.
export class ProbeSession {
  private constructor(
    readonly client: ProbeClient,
    readonly clock: ProbeClock,
    readonly tenantId: string,
    private readonly bearer: string,
  ) {}

  static async open(client: ProbeClient, clock: ProbeClock): Promise<ProbeSession> {
    const tenantId = randomUUID();
    const app = await client.registerApp(tenantId, ROLES);
    return new ProbeSession(client, clock, tenantId, `Bearer ${await client.token(app)}`);
  }

  // Another app of the same tenant, with the same roles (a rate window of its own).
  registerApp() {
    return this.client.registerApp(this.tenantId, ROLES);
  }

  api(
    method: string,
    path: string,
    body?: string,
    contentType: string | null = 'application/json',
    auth = true,
  ): Promise<ProbeAnswer> {
    return this.client.send(
      method,
      `/api${path}`,
      {
        accept: 'application/json',
        ...(auth ? { authorization: this.bearer } : {}),
        ...(body !== undefined && contentType !== null ? { 'content-type': contentType } : {}),
      },
      body,
    );
  }

  cancel(id: string, body?: string, contentType?: string | null): Promise<ProbeAnswer> {
    return this.api('POST', `/machineactions/${encodeURIComponent(id)}/cancel`, body, contentType);
  }

  get(id: string): Promise<ProbeAnswer> {
    return this.api('GET', `/machineactions/${encodeURIComponent(id)}`);
  }

  // A scan of a new machine of the tenant, in `status`.
  async seed(status: string): Promise<{ id: string; machineId: string }> {
    const machineId = randomBytes(20).toString('hex');
    await this.client.control('POST', '/_emulator/machines', {
      tenantId: this.tenantId,
      id: machineId,
      computerDnsName: `p-${machineId.slice(0, 8)}.test`,
    });
    const action = (await this.client.control('POST', '/_emulator/machineactions', {
      tenantId: this.tenantId,
      machineId,
      type: 'RunAntiVirusScan',
      status,
      scope: 'Quick',
    })) as { id: string };
    return { id: action.id, machineId };
  }

  // docs/contract.md#cancel-visible-after: GETs on the suite's settle schedule, the clock moved
  // between them; the seconds of the first that shows Cancelled (null: none within the bound).
  async shownAfter(id: string): Promise<{ seconds: number | null; res: ProbeAnswer | undefined }> {
    let waited = 0;
    for (const pause of [0, ...SETTLE_PAUSES_SECONDS]) {
      if (pause > 0) await this.clock.advance(pause);
      waited += pause;
      const res = await this.get(id);
      if (field(res, 'status') === 'Cancelled') return { seconds: waited, res };
    }
    return { seconds: null, res: undefined };
  }
}
