import { type Finding, findingsOf } from '../../src/harness/evidence/finding.ts';
import { test } from './api-test.ts';

export type NoVerdict = Extract<Finding, { kind: 'no-verdict' }>;

// The no-verdict findings the running unit test recorded, taken off it: they are what the test checks,
// and left on, the unit test's own report would show it as reaching no verdict.
export function takeNoVerdicts(): NoVerdict[] {
  const { annotations } = test.info();
  const found = annotations.filter((a) => findingsOf([a])[0]?.kind === 'no-verdict');
  for (const a of found) annotations.splice(annotations.indexOf(a), 1);
  return found.flatMap((a) => findingsOf([a]) as NoVerdict[]);
}
