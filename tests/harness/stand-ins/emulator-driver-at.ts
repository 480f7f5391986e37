import { createEmulatorRuntime } from '../../../src/harness/drivers/emulator/emulator-runtime.ts';

// A driver of the emulator at `url` (API, token endpoint and control protocol on one origin), as a run
// against `MDE_TARGET=emulator` makes one, for tests whose stand-in emulator is broken on purpose.
export function emulatorDriverAt(url: string, timeoutMs = 5_000) {
  const spec = { mode: 'emulator' as const, apiBaseUrl: url };
  const http = { request: () => Promise.reject(new Error('loopback only')), timeoutMs };
  const options = { spec, http, apiBaseUrl: url, authBaseUrl: url, controlBaseUrl: url, runId: 'r' };
  return createEmulatorRuntime(options).newDriver();
}
