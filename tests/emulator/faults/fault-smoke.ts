import type { FaultName } from '../../../src/emulator/index.ts';
import { type Emu, test } from '../emulator-fixture.ts';

// Declares one smoke test of a fault: the emulator runs with only that fault on.
export function smoke(fault: FaultName, title: string, check: (emu: Emu) => Promise<void>): void {
  test.describe(`fault ${fault}`, () => {
    test.use({ emulatorOptions: { faults: [fault] } });
    test(title, async ({ emu }) => check(emu));
  });
}
