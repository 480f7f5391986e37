import type { Registry } from '../../contract/index.ts';
import type { Baseline } from '../baseline/baseline.ts';

export interface JunitProperty {
  type: 'known-deviation' | 'should-warning';
  description: string;
}

// Playwright's JUnit reporter writes a test's annotations as <property> elements and knows only pass
// and fail. A failed test (a contract violation) that does not fail the run says so there, one
// property per requirement: `known-deviation` (listed in the run's baseline) or `should-warning` (a
// SHOULD: a WARN). None when it also claims a MUST that is no known deviation: that failure counts.
// The failure itself stays: junit.xml is the test-level view; the exit code is the run's verdict.
export function junitProperties(
  requirementIds: readonly string[],
  registry: Registry,
  baseline: Baseline | undefined,
): JunitProperty[] {
  const claimed = requirementIds.filter((id) => registry.has(id)).map((id) => registry.get(id));
  // The baseline's verdict always fits the level (baseline.ts refuses any other).
  const known = (id: string) => baseline?.entries.some((e) => e.id === id) ?? false;
  if (claimed.some((r) => r.level === 'MUST' && !known(r.id))) return [];
  return claimed.flatMap((r): JunitProperty[] => {
    if (known(r.id)) return [{ type: 'known-deviation', description: r.id }];
    return r.level === 'SHOULD' ? [{ type: 'should-warning', description: r.id }] : [];
  });
}
