import { ConfigError } from '../harness/errors.ts';

// MDE_REPORT_SINGLE_FILE (environment or .env): Allure as one portable index.html. A value that is
// neither true nor false is refused rather than read as false, so a typo never loses the setting.
export function singleFileSetting(env: Record<string, string | undefined>): boolean {
  const value = env.MDE_REPORT_SINGLE_FILE?.trim().toLowerCase();
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1') return true;
  throw new ConfigError([
    {
      variable: 'MDE_REPORT_SINGLE_FILE',
      problem: `must be true or false (got "${env.MDE_REPORT_SINGLE_FILE}")`,
    },
  ]);
}
