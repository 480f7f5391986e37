// Every file and directory a run writes its evidence to, each named once (docs/interfaces.md#reports):
// the reporters write them, the harness checks before a run that it can (preflight-writable.ts) and
// writes a tenant's share, the self-test reads them.

// The output directories, beside the Playwright configuration the run was started with.
export const TEST_RESULTS_DIR = 'test-results';
export const REPORTS_DIR = 'reports';
export const ALLURE_RESULTS_DIR = 'allure-results';
export const ALLURE_REPORT_DIR = 'allure-report';

// In reports/, or in reports/targets/<name>/ for each target of a run of several.
export const COMPLIANCE_JSON = 'compliance.json';
export const COMPLIANCE_MD = 'compliance.md';
export const OBSERVED_PROFILE_FILE = 'observed-profile.json';
// Where an incomplete run's observed profile goes when the one in place reads more
// (docs/interfaces.md#observed-profile): a run narrowed with --grep, or one that stopped or lost answers
// half-way, must not replace a full calibration by a file that reads less (observed-profile-keep.ts).
export const PARTIAL_OBSERVED_PROFILE_FILE = 'observed-profile.partial.json';
// Where the last complete run's compliance.json and .md wait while an incomplete run's stand in
// reports/ (earlier-complete.ts): a stopped run must not take the last whole verdict with it.
export const EARLIER_COMPLETE_DIR = 'earlier-complete';

// In reports/ only: the JUnit file, and a tenant run's quota spent and actions created.
export const JUNIT_XML = 'junit.xml';
export const QUOTA_JSON = 'quota.json';
export const TENANT_LEDGER_JSON = 'tenant-ledger.json';

// A run of several targets: a directory each under reports/targets/, and their index.
export const TARGETS_DIR = 'targets';
export const TARGET_INDEX_JSON = `${TARGETS_DIR}/index.json`;

// The raw records the reports are built from: `npm run report` rebuilds the reports from them.
const RECORDS_NAME = 'compliance-records.json';
export const RECORDS_FILE = `${TEST_RESULTS_DIR}/${RECORDS_NAME}`;

// Every output directory, and the files a run writes by name in each (the preflight checks that
// nothing is in their way).
export const OUTPUT_DIRS = [TEST_RESULTS_DIR, REPORTS_DIR, ALLURE_RESULTS_DIR, ALLURE_REPORT_DIR] as const;
export const WRITTEN_FILES: Readonly<Record<string, readonly string[]>> = {
  [TEST_RESULTS_DIR]: [RECORDS_NAME],
  [REPORTS_DIR]: [
    COMPLIANCE_JSON,
    COMPLIANCE_MD,
    JUNIT_XML,
    OBSERVED_PROFILE_FILE,
    PARTIAL_OBSERVED_PROFILE_FILE,
    QUOTA_JSON,
    TENANT_LEDGER_JSON,
  ],
};

// A shard's records and JUnit file, in reports/shards/ for `npm run report:merge`.
export const SHARDS_DIR = 'shards';
type Shard = { current: number; total: number };
const SHARD_RECORDS = ['shard-', '.json'] as const;
const SHARD_JUNIT = ['junit-', '.xml'] as const;
const shardName = ([prefix, suffix]: readonly [string, string], s: Shard) =>
  `${prefix}${s.current}-of-${s.total}${suffix}`;
export const shardRecordsName = (shard: Shard): string => shardName(SHARD_RECORDS, shard);
export const shardJunitName = (shard: Shard): string => shardName(SHARD_JUNIT, shard);

// The shard a file in reports/shards/ holds, read back from its name; undefined for any other file.
function shardNamed([prefix, suffix]: readonly [string, string], name: string): Shard | undefined {
  if (!name.startsWith(prefix) || !name.endsWith(suffix)) return undefined;
  const [, current, total] = /^(\d+)-of-(\d+)$/.exec(name.slice(prefix.length, -suffix.length)) ?? [];
  return current && total ? { current: Number(current), total: Number(total) } : undefined;
}
export const shardOfRecordsName = (name: string): Shard | undefined => shardNamed(SHARD_RECORDS, name);
export const shardOfJunitName = (name: string): Shard | undefined => shardNamed(SHARD_JUNIT, name);
