import { closestId } from '../../contract/unknown-requirement.ts';
import { FAULT_NAMES, isFaultName } from './catalogue.ts';

// One way to say which fault names the emulator does not know, wherever they came from
// (startEmulator's `faults`, --fault, MDE_EMULATOR_FAULTS for the emulator or for npm run conformance):
// each with the closest known name, and where the whole list is. Not the list itself: it runs to
// thousands of characters. Undefined when every name is known.
export function unknownFaults(names: readonly string[]): string | undefined {
  const unknown = [...new Set(names.filter((name) => !isFaultName(name)))];
  if (unknown.length === 0) return undefined;
  const named = unknown.map((name) => {
    const near = closestId(name, FAULT_NAMES);
    return near ? `${name} (did you mean ${near}?)` : name;
  });
  return `unknown fault${unknown.length > 1 ? 's' : ''} ${named.join(', ')}; \`npm run emulator -- --list-faults\` lists all ${FAULT_NAMES.length} (docs/emulator.md describes them)`;
}
