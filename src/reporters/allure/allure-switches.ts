import type { Env } from '../../harness/config/read-env.ts';
import { singleFileSetting } from './single-file-setting.ts';

// The Allure options `npm run report` and `report:merge` share. --single-file shapes the report that
// --no-allure skips, so both on one command line is a mistake in one of them: refused, as a bad option
// is, rather than one of them dropped unsaid. MDE_REPORT_SINGLE_FILE is a standing setting, which
// --no-allure simply outranks.
export function allureSwitches(
  values: { 'single-file'?: boolean; 'no-allure'?: boolean },
  env: Env,
): { singleFile: boolean; skipAllure: boolean } {
  if (values['single-file'] && values['no-allure'])
    throw new Error(
      '--single-file and --no-allure contradict each other: --no-allure makes no Allure report to put in one file; give one of them (see --help)',
    );
  return {
    singleFile: values['single-file'] || singleFileSetting(env),
    skipAllure: values['no-allure'] ?? false,
  };
}
