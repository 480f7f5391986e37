import { randomBytes } from 'node:crypto';
import { currentTestInfo } from '../../evidence/record-finding.ts';
import type { HttpSettings } from '../../http/transport.ts';
import { noteExists } from '../../observation/seen-states.ts';
import type { MachineActionRecord } from '../target-driver.ts';
import type { ControlClient } from './control-client.ts';
import { checkSeededOnApi } from './seeded-on-api.ts';

// The scope a seeded action of a type carries: only a scan's and an isolation's are documented.
const SCOPES: Record<string, string> = { RunAntiVirusScan: 'Quick', Isolate: 'Full' };

export interface EmulatorSeedsOptions {
  mode: 'embedded' | 'emulator';
  tenantId: string;
  runId: string;
  apiBaseUrl: string;
  http: HttpSettings;
  // The operator's token, to check on the API that another's emulator shows what it seeded.
  operatorToken: () => Promise<string>;
}

// The actions and devices an emulator driver seeds in its tenant through the control protocol.
export class EmulatorSeeds {
  constructor(
    private readonly control: ControlClient,
    private readonly options: EmulatorSeedsOptions,
  ) {}

  // An action of this type and status on a new device, or on `machineId` (registered already).
  async seed(status: string, type = 'RunAntiVirusScan', machineId?: string): Promise<MachineActionRecord> {
    const device = machineId ?? (await this.registerMachine());
    const action = await this.control.seedAction({
      tenantId: this.options.tenantId,
      machineId: device,
      type,
      status,
      ...(SCOPES[type] ? { scope: SCOPES[type] } : {}),
      requestor: 'mde-conformance@example.test',
      requestorComment: `mde-conformance ${this.options.runId}: seeded ${status}`,
    });
    const { id } = action as MachineActionRecord;
    // Another's emulator must show what it seeded; the bundled one's seeding is proven by its own tests.
    if (this.options.mode === 'emulator') {
      const { apiBaseUrl, http, operatorToken } = this.options;
      const operator = async () => `Bearer ${await operatorToken()}`;
      await checkSeededOnApi(this.control, apiBaseUrl, id, operator, http.timeoutMs);
    }
    // Seeded through the control protocol, so no API answer showed it: the test holds it all the same,
    // and a 404 to it from its tenant is no unknown id (seen-states.ts).
    noteExists(id, currentTestInfo(), this.options.tenantId);
    // The suite reads only the id and status of the answer (docs/your-emulator.md): a device or type it
    // leaves out is the one sent, not a reason for a later test to end not applicable.
    return { machineId: device, type, ...action } as MachineActionRecord;
  }

  async registerMachine(): Promise<string> {
    const machineId = randomBytes(20).toString('hex');
    await this.control.registerMachine({
      tenantId: this.options.tenantId,
      id: machineId,
      computerDnsName: `conformance-${machineId.slice(0, 8)}.example.test`,
    });
    return machineId;
  }
}
