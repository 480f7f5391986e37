// Where Playwright's JUnit reporter writes. A shard's file holds only its share of the tests, so it goes
// beside the shard's records, never to reports/junit.xml: `npm run report:merge` writes that one from
// all the shards' files (merge-junit.ts), so it agrees with the merged compliance report.
export function junitOutputFile(argv: readonly string[] = process.argv): string {
  const at = argv.findIndex((a) => a === '--shard' || a.startsWith('--shard='));
  const value = at < 0 ? undefined : argv[at]!.startsWith('--shard=') ? argv[at]!.slice(8) : argv[at + 1];
  const shard = /^(\d+)\/(\d+)$/.exec(value ?? '');
  return junitFileFor(shard ? { current: Number(shard[1]), total: Number(shard[2]) } : undefined);
}

// Relative to the run's directory; `shard` as Playwright's config and the shard's records hold it.
export function junitFileFor(shard: { current: number; total: number } | undefined): string {
  return shard ? `reports/shards/junit-${shard.current}-of-${shard.total}.xml` : 'reports/junit.xml';
}

export const SHARD_JUNIT_FILE = /^junit-\d+-of-\d+\.xml$/;
