import { machineIdWarnings } from '../../../src/harness/config/machine-id-shape.ts';
import type { TargetSpec } from '../../../src/harness/config/target-spec.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk set MDE_MACHINE_ID to a device's Entra id (a GUID, as Intune and the Entra admin center show
// it) with writes on: nothing was said until the first scan, after the read-only tests, and that line
// said only to check the id in the portal. The warning comes before the run, and never shows the id.
const tenant = (machineId: string | undefined, allowWrites = true) =>
  ({ mode: 'tenant', machineId, allowWrites }) as unknown as TargetSpec;

test('a GUID or a name in MDE_MACHINE_ID is a warning saying which id to copy', () => {
  const [guid] = machineIdWarnings(tenant('0f9a1b2c-3d4e-5f60-7182-93a4b5c6d7e8'));
  expect(guid).toMatch(/^warning: MDE_MACHINE_ID is a GUID, the shape of the Entra device id/);
  expect(guid).toContain('40 hexadecimal characters');
  expect(guid).not.toContain('0f9a1b2c');
  const [name] = machineIdWarnings(tenant('staging-device.contoso.com'));
  expect(name).toContain("not hexadecimal (a device's name?)");
  expect(name).not.toContain('staging-device');
});

test("Defender's id shapes, writes off and other targets warn of nothing", () => {
  for (const id of ['1e5bc9d7e413ddd7902c2932e418702b84d0cc07', 'fb9ab6be3965095a09c057be7c90f0a2'])
    expect(machineIdWarnings(tenant(id))).toEqual([]);
  expect(machineIdWarnings(tenant('0f9a1b2c-3d4e-5f60-7182-93a4b5c6d7e8', false))).toEqual([]);
  expect(machineIdWarnings(tenant(undefined))).toEqual([]);
  expect(machineIdWarnings({ mode: 'embedded' } as TargetSpec)).toEqual([]);
});
