import { dirname, join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test/reporter';
import { JUNIT_XML, REPORTS_DIR, SHARDS_DIR, shardJunitName } from '../../common/report-files.ts';
import { shardOf } from '../../harness/run/shard-option.ts';

// Where Playwright's JUnit reporter writes. A shard's file holds only its share of the tests, so it goes
// beside the shard's records, never to reports/junit.xml: `npm run report:merge` writes that one from
// all the shards' files (merge-junit.ts), so it agrees with the merged compliance report.
export function junitOutputFile(argv: readonly string[] = process.argv): string {
  return junitFileFor(shardOf(argv));
}

// The file Playwright's JUnit reporter wrote in a run of playwright.config.ts, read from outside its
// runner (after it stopped, or when it never ran a test): PLAYWRIGHT_JUNIT_OUTPUT_FILE, from the
// working directory as Playwright resolves it, else the config's outputFile under `root`.
export function runJunitFile(
  root: string,
  shard: { current: number; total: number } | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env.PLAYWRIGHT_JUNIT_OUTPUT_FILE;
  return fromEnv ? resolve(fromEnv) : join(root, junitFileFor(shard));
}

// Relative to the run's directory; `shard` as Playwright's config and the shard's records hold it.
function junitFileFor(shard: { current: number; total: number } | undefined): string {
  return shard ? `${REPORTS_DIR}/${SHARDS_DIR}/${shardJunitName(shard)}` : `${REPORTS_DIR}/${JUNIT_XML}`;
}

// The file Playwright's JUnit reporter writes in this run, if it is among the run's reporters and writes
// a file, found as Playwright finds it (resolveOutputFile in its runner): PLAYWRIGHT_JUNIT_OUTPUT_FILE
// (from the working directory), the outputFile option (from the configuration's directory), else a
// directory (PLAYWRIGHT_JUNIT_OUTPUT_DIR, the outputDir option, the configuration's directory) and a
// name (PLAYWRIGHT_JUNIT_OUTPUT_NAME, the fileName option); without a name it writes to the terminal.
export function junitFileOf(
  config: Pick<FullConfig, 'reporter' | 'configFile'>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const junit = config.reporter.find(([name]) => name === 'junit');
  if (!junit) return undefined;
  const options = (junit[1] ?? {}) as { outputFile?: string; outputDir?: string; fileName?: string };
  const configDir = dirname(config.configFile ?? resolve('playwright.config.ts'));
  const fromEnv = (name: string) => (env[name] ? resolve(env[name]) : undefined);
  const file =
    fromEnv('PLAYWRIGHT_JUNIT_OUTPUT_FILE') ??
    (options.outputFile ? resolve(configDir, options.outputFile) : undefined);
  if (file) return file;
  const dir =
    fromEnv('PLAYWRIGHT_JUNIT_OUTPUT_DIR') ??
    (options.outputDir ? resolve(configDir, options.outputDir) : configDir);
  const name = env.PLAYWRIGHT_JUNIT_OUTPUT_NAME ?? options.fileName;
  return name ? resolve(dir, name) : undefined;
}
