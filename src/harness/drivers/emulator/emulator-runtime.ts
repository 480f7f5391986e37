import type { TargetRuntime } from '../target-driver.ts';
import { ControlClient } from './control-client.ts';
import { EmulatorDriver, type EmulatorRuntimeOptions } from './emulator-driver.ts';

// An emulator target: one control client, shared by the drivers of its tests (one driver a test).
export function createEmulatorRuntime(options: EmulatorRuntimeOptions): TargetRuntime {
  // Control calls and tokens are exchanges of the run too: MDE_REQUEST_TIMEOUT_SECONDS bounds them.
  const control = new ControlClient(
    options.controlBaseUrl,
    options.http.timeoutMs,
    undefined,
    options.absent,
  );
  return {
    spec: options.spec,
    apiBaseUrl: options.apiBaseUrl,
    newDriver: () => new EmulatorDriver(options, control),
    close: async () => {},
  };
}
