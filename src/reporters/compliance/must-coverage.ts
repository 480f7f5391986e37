import { readSwitch } from '../../harness/config/env-values.ts';
import { readEnv } from '../../harness/config/read-env.ts';
import type { RequirementResult } from './requirement-results.ts';

// MDE_REQUIRE_MUST_COVERAGE=true (environment or .env): a MUST requirement the run did not judge (NA,
// whatever the reason: a safety switch, a narrowed run) fails it, for a CI gate that must not pass on
// what was never tested; so does a run whose command line selected its tests (compliance-report.ts), as
// one may keep a test of every MUST and leave cases of them out. Off by default: exit 0 then means no
// MUST failed among those judged.
export function mustCoverageRequired(env = readEnv()): boolean {
  return readSwitch(env, 'MDE_REQUIRE_MUST_COVERAGE');
}

// The MUST requirements that coverage asks for and the run left NA. One the contract says no run on
// this kind of target can judge (AUTH.EXPIRED on a tenant) is not asked for: no run could pass then.
export function mustsNotJudged(requirements: readonly RequirementResult[]): string[] {
  return requirements
    .filter((r) => r.level === 'MUST' && r.verdict === 'NA' && r.applicable !== false)
    .map((r) => r.id);
}
