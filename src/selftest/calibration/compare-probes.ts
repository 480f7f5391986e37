import { OPEN_POINTS, type OpenPointId, sameReading } from '../../contract/index.ts';
import type { Signatures } from './differential-probe.ts';

// The points on which two probes differ, each with both signatures. (A Retry-After is read as the
// whole minute or less, probe-rates.ts: a date-valued header's rounding second does not show.)
export function compareProbes(original: Signatures, other: Signatures): Partial<Record<OpenPointId, string>> {
  const differs: Partial<Record<OpenPointId, string>> = {};
  for (const point of OPEN_POINTS) {
    const [a, b] = [original[point], other[point]];
    // Equal as `npm run profile:compare` reads equal: member order does not count.
    if (!sameReading(a, b)) differs[point] = `${JSON.stringify(a)} against ${JSON.stringify(b)}`;
  }
  return differs;
}
