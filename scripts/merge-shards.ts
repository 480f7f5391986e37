import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../src/contract/contract-files.ts';
import { getRegistry } from '../src/contract/index.ts';
import { readEnv } from '../src/harness/config/read-env.ts';
import { loadSelectedBaseline } from '../src/reporters/baseline.ts';
import { complianceLine } from '../src/reporters/compliance-line.ts';
import { finishRun } from '../src/reporters/finish-run.ts';
import { mergeRecords } from '../src/reporters/merge-records.ts';
import { RECORDS_FILE, readRecords, writeRecords } from '../src/reporters/records-file.ts';
import { singleFileSetting } from '../src/reporters/single-file-setting.ts';
import { writeComplianceReports } from '../src/reporters/write-reports.ts';

// npm run report:merge -- [shards-dir] [--allure-results <dir>]... [--single-file]
// Merges the shard records (reports/shards/shard-<i>-of-<n>.json, from `npm run conformance --
// --shard=i/n`) into one compliance report, copies every given allure-results directory into
// allure-results/, then generates Allure and runs the leak scan, as after an unsharded run.

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--')),
    allowPositionals: true,
    options: {
      'allure-results': { type: 'string', multiple: true },
      'single-file': { type: 'boolean' },
    },
  });
  const allureDirs = (values['allure-results'] ?? []).map((dir) => resolve(dir));
  const shardsDir = resolve(positionals[0] ?? join(repoRoot, 'reports', 'shards'));
  const files = existsSync(shardsDir)
    ? readdirSync(shardsDir).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f))
    : [];
  if (files.length === 0)
    throw new Error(
      `no shard-<i>-of-<n>.json in ${shardsDir}; run \`npm run conformance -- --shard=i/n\` for each shard i of n first, then merge`,
    );
  const merged = mergeRecords(files.sort().map((f) => readRecords(join(shardsDir, f))));
  writeRecords(join(repoRoot, RECORDS_FILE), merged);
  const outDir = join(repoRoot, 'reports');
  const { exitCode, reports } = writeComplianceReports(merged, {
    outDir,
    registry: getRegistry(),
    baseline: loadSelectedBaseline(),
  });
  console.log(`merge-shards: ${files.length} shard(s), ${merged.tests.length} tests`);
  console.log(complianceLine(outDir, exitCode, reports));
  const results = join(repoRoot, 'allure-results');
  mkdirSync(results, { recursive: true });
  // Allure result files are named by UUID, so directories from different shards never collide.
  for (const dir of allureDirs) if (resolve(dir) !== results) cpSync(dir, results, { recursive: true });
  process.exitCode = await finishRun({ singleFile: values['single-file'] || singleFileSetting(readEnv()) });
} catch (error) {
  console.error(`merge-shards: ${(error as Error).message}`);
  process.exitCode = 2;
}
