import { readSwitch } from '../../harness/config/env-values.ts';
import type { Env } from '../../harness/config/read-env.ts';

// MDE_REPORT_SINGLE_FILE (environment or .env): Allure as one portable index.html.
export function singleFileSetting(env: Env): boolean {
  return readSwitch(env, 'MDE_REPORT_SINGLE_FILE');
}
