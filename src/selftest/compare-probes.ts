import { OPEN_POINTS, type OpenPointId } from '../contract/index.ts';
import type { Signatures } from './differential-probe.ts';

// The points on which two probes differ, each with both signatures. Retry-After values may differ by
// the one second a date-valued header rounds.
export function compareProbes(original: Signatures, other: Signatures): Partial<Record<OpenPointId, string>> {
  const differs: Partial<Record<OpenPointId, string>> = {};
  for (const point of OPEN_POINTS) {
    const [a, b] = [original[point], other[point]];
    const same =
      point === 'retry-after-value' && typeof a === 'number' && typeof b === 'number'
        ? Math.abs(a - b) <= 1
        : JSON.stringify(a) === JSON.stringify(b);
    if (!same) differs[point] = `${JSON.stringify(a)} against ${JSON.stringify(b)}`;
  }
  return differs;
}
