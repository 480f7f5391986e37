import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getRegistry } from '../src/contract/index.ts';
import { readEnv } from '../src/harness/config/read-env.ts';
import { loadSelectedBaseline } from '../src/reporters/baseline.ts';
import { complianceLine } from '../src/reporters/compliance-line.ts';
import { finishRun } from '../src/reporters/finish-run.ts';
import { writeMergedJunit } from '../src/reporters/merge-junit.ts';
import { mergeRecords } from '../src/reporters/merge-records.ts';
import { RECORDS_FILE, readRecords, writeRecords } from '../src/reporters/records-file.ts';
import { runDirectory } from '../src/reporters/run-directory.ts';
import { singleFileSetting } from '../src/reporters/single-file-setting.ts';
import { writeComplianceReports } from '../src/reporters/write-reports.ts';

// npm run report:merge -- [shards-dir] [--allure-results <dir>]... [--single-file] [--no-allure] [--dir <dir>]
// Merges the shard records (reports/shards/shard-<i>-of-<n>.json, from `npm run conformance --
// --shard=i/n`) into one compliance report, copies every given allure-results directory into
// allure-results/, then generates Allure and runs the leak scan, as after an unsharded run. --dir
// writes all of it (records, reports/, allure-results/, allure-report/) under another directory
// instead of the repository, as `npm run report -- --dir` does; the shards default to its reports/shards.

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
    allowPositionals: true,
    options: {
      'allure-results': { type: 'string', multiple: true },
      'single-file': { type: 'boolean' },
      'no-allure': { type: 'boolean' },
      dir: { type: 'string' },
    },
  });
  const { root, env } = runDirectory(values.dir);
  const allureDirs = (values['allure-results'] ?? []).map((dir) => resolve(dir));
  const shardsDir = resolve(positionals[0] ?? join(root, 'reports', 'shards'));
  const files = existsSync(shardsDir)
    ? readdirSync(shardsDir).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f))
    : [];
  if (files.length === 0)
    throw new Error(
      `no shard-<i>-of-<n>.json in ${shardsDir}; run \`npm run conformance -- --shard=i/n\` for each shard i of n first, then merge`,
    );
  const merged = mergeRecords(files.sort().map((f) => readRecords(join(shardsDir, f))));
  writeRecords(join(root, RECORDS_FILE), merged);
  const outDir = join(root, 'reports');
  const { exitCode, reports } = writeComplianceReports(merged, {
    outDir,
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  console.log(`merge-shards: ${files.length} shard(s), ${merged.tests.length} tests`);
  console.log(complianceLine(outDir, exitCode, reports));
  console.log(writeMergedJunit(shardsDir, outDir));
  const results = join(root, 'allure-results');
  mkdirSync(results, { recursive: true });
  // Allure result files are named by UUID, so directories from different shards never collide.
  for (const dir of allureDirs) if (resolve(dir) !== results) cpSync(dir, results, { recursive: true });
  process.exitCode = await finishRun({
    root,
    ...(env ? { env } : {}),
    singleFile: values['single-file'] || singleFileSetting(readEnv()),
    skipAllure: values['no-allure'] ?? false,
    recordsFile: join(root, RECORDS_FILE),
  });
} catch (error) {
  console.error(`merge-shards: ${(error as Error).message}`);
  process.exitCode = 2;
}
