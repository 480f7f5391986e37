import type { TargetSpec } from './target-spec.ts';

// Defender's machine id is usually 40 hexadecimal characters (docs/contract.md, "The MachineAction entity").
// Two other ids of a device are at hand on the same pages and get pasted instead: the Entra device id
// (aadDeviceId, a GUID) and its name. The tenant then refuses the first scan (404), after sign-in and
// the read-only tests; said before the run, with what to copy. Only a warning: "usually" is all the
// documentation says, and a 32-character id appears in one of its examples.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

export function machineIdWarnings(target: TargetSpec): string[] {
  if (target.mode !== 'tenant' || !target.allowWrites || !target.machineId) return [];
  const shape = describeShape(target.machineId.trim());
  return shape
    ? [
        `warning: MDE_MACHINE_ID is ${shape}, where Defender's machine id is usually 40 hexadecimal characters: copy the Device ID from the device's page in the Defender portal (a device the tenant does not know stops the run at its first scan, exit 2)`,
      ]
    : [];
}

function describeShape(id: string): string | undefined {
  if (GUID.test(id)) return 'a GUID, the shape of the Entra device id (aadDeviceId)';
  if (HEX.test(id)) return undefined;
  // Never echoed: only what it looks like.
  if (/[.\s]/.test(id) || /[g-z]/i.test(id)) return "not hexadecimal (a device's name?)";
  return undefined;
}
