import { readSwitch } from '../harness/config/env-values.ts';
import { readEnv } from '../harness/config/read-env.ts';

// MDE_REQUIRE_MUST_COVERAGE=true (environment or .env): a MUST requirement the run did not judge (NA,
// whatever the reason: a safety switch, a narrowed run) fails it, for a CI gate that must not pass on
// what was never tested. Off by default: exit 0 then means no MUST failed among those judged.
export function mustCoverageRequired(env = readEnv()): boolean {
  return readSwitch(env, 'MDE_REQUIRE_MUST_COVERAGE');
}
