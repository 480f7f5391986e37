import type { ControlClient } from '../../../src/harness/drivers/emulator/control-client.ts';
import { EmulatorDriver } from '../../../src/harness/drivers/emulator/emulator-driver.ts';

// An emulator driver whose control protocol is the test's own object and whose API is never reached
// (port 9, discard): for what a driver asks the control protocol, without an emulator.
export function offlineEmulatorDriver(control: Partial<ControlClient>, runId: string): EmulatorDriver {
  return new EmulatorDriver(
    {
      spec: { mode: 'embedded' },
      http: { request: async () => ({}) as never, timeoutMs: 1000 },
      apiBaseUrl: 'http://127.0.0.1:9',
      authBaseUrl: 'http://127.0.0.1:9',
      controlBaseUrl: 'http://127.0.0.1:9',
      runId,
    } as ConstructorParameters<typeof EmulatorDriver>[0],
    control as ControlClient,
  );
}
