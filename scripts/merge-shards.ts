import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnv } from '../src/harness/config/read-env.ts';
import '../src/harness/run/closed-output.mjs';
import { ALLURE_RESULTS_DIR, RECORDS_FILE, REPORTS_DIR, SHARDS_DIR } from '../src/common/report-files.ts';
import { ArgumentProblems, scriptArgs } from '../src/common/script-args.ts';
import { unwritableOutputs } from '../src/harness/preflight/preflight-writable.ts';
import { holdSignalsWhile } from '../src/harness/run/hold-signals.ts';
import { allureSwitches } from '../src/reporters/allure/allure-switches.ts';
import { refuseOtherContract } from '../src/reporters/records/records-contract.ts';
import { readRecords, writeRecords } from '../src/reporters/records/records-file.ts';
import { runDirectory } from '../src/reporters/run/run-directory.ts';
import { lockRunDirectory } from '../src/reporters/run/run-lock.ts';
import { EXIT, worstOf } from '../src/reporters/run/run-outcome.ts';
import { mergeRecords, missingShards } from '../src/reporters/shards/merge-records.ts';
import { shardArgumentProblems, shardFiles } from '../src/reporters/shards/shard-arguments.ts';
import { mixedSplits, shardSetProblem } from '../src/reporters/shards/shard-set.ts';

// The one description of the command line; docs/interfaces.md#commands and docs/reports.md say the rest.
const USAGE = `Usage: npm run report:merge -- [SHARDS_DIR] [--allure-results DIR]... [--single-file] [--no-allure] [--dir DIR]

Merges the shard records of a sharded run (SHARDS_DIR/shard-<i>-of-<n>.json, written by
npm run conformance -- --shard=i/n; default reports/shards) into one compliance report, copies every
--allure-results directory into allure-results/, then generates Allure and runs the leak scan, as
after an unsharded run. A missing shard is a run error. Exits as npm run conformance does (0-4).

  SHARDS_DIR           where the shard files are (default reports/shards, under --dir if given)
  --allure-results DIR a shard's allure-results directory to copy (repeat for each shard)
  --single-file        Allure as one portable allure-report/index.html (or MDE_REPORT_SINGLE_FILE=true)
  --no-allure          skip Allure: only the compliance reports and the leak scan (not with --single-file)
  --dir DIR            write the merged records, reports/, allure-results/ and allure-report/ under
                       DIR instead of the repository
  --help               this text

Docs: docs/interfaces.md#commands, docs/reports.md#shards`;

try {
  const { values, positionals } = scriptArgs(USAGE, {
    allowPositionals: true,
    options: {
      'allure-results': { type: 'string', multiple: true },
      'single-file': { type: 'boolean' },
      'no-allure': { type: 'boolean' },
      dir: { type: 'string' },
    },
  });
  const { singleFile, skipAllure } = allureSwitches(values, readEnv());
  const { root, env } = runDirectory(values.dir);
  const allureDirs = (values['allure-results'] ?? []).map((given) => ({ given, path: resolve(given) }));
  const shardsDir = resolve(positionals[0] ?? join(root, REPORTS_DIR, SHARDS_DIR));
  const problems = shardArgumentProblems({ positionals, allureDirs, shardsDir });
  if (problems.length > 0) throw new ArgumentProblems(problems);
  const files = shardFiles(shardsDir);
  const shards = files.map((f) => readRecords(join(shardsDir, f)));
  // Files of an earlier run left beside this one's would make one report of two runs' evidence.
  const set = files.map((name, i) => ({ name, records: shards[i]! }));
  const notOneRun = shardSetProblem(set);
  if (notOneRun) throw new Error(`${shardsDir}: ${notOneRun}`);
  const merged = mergeRecords(shards);
  refuseOtherContract(merged, `the shards in ${shardsDir}`);
  // Said with what to fix, not as the EISDIR or EACCES of the first write that fails, half-way through.
  const unwritable = unwritableOutputs(root);
  if (unwritable.length > 0) throw new Error(unwritable[0]);
  // What writes the reports loads only now: a refused command line or shard set ends without it.
  const [
    { getRegistry },
    { loadSelectedBaseline },
    { complianceLine },
    { verdictLine },
    { writeMergedJunit },
    { finishRun },
    writing,
  ] = await Promise.all([
    import('../src/contract/index.ts'),
    import('../src/reporters/baseline/baseline.ts'),
    import('../src/reporters/compliance/compliance-line.ts'),
    import('../src/reporters/compliance/verdict-line.ts'),
    import('../src/reporters/junit/merge-junit.ts'),
    import('../src/reporters/run/finish-run.ts'),
    import('../src/reporters/run/write-reports.ts'),
  ]);
  const { removeVerdicts, writeComplianceReports } = writing;
  // Before anything is written: a run writing this directory would mix its reports with these.
  lockRunDirectory(root, 'npm run report:merge');
  // From here the merge writes its evidence: a first Ctrl-C waits for it (the signal is acted on once
  // the compliance reports are written), a second one stops at once.
  process.exitCode = await holdSignalsWhile(
    async () => {
      const outDir = join(root, REPORTS_DIR);
      // As a run does: a complete report the merge would replace (shards copied into a checkout that
      // had one) waits in earlier-complete/ until the merged report is complete too.
      removeVerdicts(outDir);
      writeRecords(join(root, RECORDS_FILE), merged);
      const { exitCode, reports } = writeComplianceReports(merged, {
        outDir,
        registry: getRegistry(),
        baseline: loadSelectedBaseline(),
      });
      console.log(`merge-shards: ${files.length} shard(s), ${merged.tests.length} tests`);
      const missing = missingShards(shards);
      for (const { line } of missing) console.error(`merge-shards: ${line}`);
      if (missing.length > 0)
        console.error(
          `merge-shards: the merged report lacks the tests of the missing shard${missing.length > 1 ? 's' : ''} (exit 2): copy each one's shard-<i>-of-<n>.json into ${shardsDir}, or run \`npm run conformance -- --shard=i/n\` for it, then merge again`,
        );
      const mixed = mixedSplits(set);
      if (mixed) console.log(`merge-shards: ${mixed}`);
      // As a run ends: the outcome and why, not only the exit code (one target; verdict-line.ts).
      const verdict = verdictLine(reports);
      if (verdict) console.log(verdict);
      console.log(complianceLine(outDir, exitCode, reports));
      // From the shards merged above only. A damaged or missing shard JUnit file is said, and errs the run
      // (exit 2), but Allure and the leak scan still run.
      const junit = writeMergedJunit(shardsDir, outDir, { shards: files, records: merged });
      (junit.ok ? console.log : console.error)(junit.line);
      const results = join(root, ALLURE_RESULTS_DIR);
      mkdirSync(results, { recursive: true });
      // Allure result files are named by UUID, so directories from different shards never collide.
      for (const { path } of allureDirs) if (path !== results) cpSync(path, results, { recursive: true });
      const finished = await finishRun({
        root,
        ...(env ? { env } : {}),
        singleFile,
        skipAllure,
        recordsFile: join(root, RECORDS_FILE),
      });
      return junit.ok ? finished : worstOf([finished, EXIT.ERRORED]);
    },
    { ended: 'the merged compliance reports are written' },
  );
} catch (error) {
  const lines = error instanceof ArgumentProblems ? error.problems : [(error as Error).message];
  for (const line of lines) console.error(`merge-shards: ${line}`);
  process.exitCode = 2;
}
