import type { ProfileDocument, Readings } from '../../../src/contract/index.ts';
import type { EmulatorOptions } from '../../../src/emulator/index.ts';

// Emulator options whose profile reads these points as given and every other as the default does.
export function readings(points: Partial<Readings>): EmulatorOptions {
  const entries = Object.fromEntries(Object.entries(points).map(([id, reading]) => [id, { reading }]));
  return { profileDocument: { profileVersion: 1, points: entries } as ProfileDocument };
}
