import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readEnv } from '../src/harness/config/read-env.ts';
import { unwritableOutputs } from '../src/harness/preflight/preflight-writable.ts';
import '../src/harness/run/closed-output.mjs';
import { EARLIER_COMPLETE_DIR, RECORDS_FILE, REPORTS_DIR } from '../src/common/report-files.ts';
import { scriptArgs } from '../src/common/script-args.ts';
import { holdSignalsWhile } from '../src/harness/run/hold-signals.ts';
import { allureSwitches } from '../src/reporters/allure/allure-switches.ts';
import { refuseOtherContract } from '../src/reporters/records/records-contract.ts';
import { readRecords } from '../src/reporters/records/records-file.ts';
import { runDirectory } from '../src/reporters/run/run-directory.ts';
import { lockRunDirectory } from '../src/reporters/run/run-lock.ts';

// The one description of the command line; docs/interfaces.md#commands and docs/reports.md say the rest.
const USAGE = `Usage: npm run report -- [--single-file] [--records FILE] [--no-allure] [--dir DIR]

Rebuilds reports/compliance.json and .md (or reports/targets/**), allure-report/ and the leak scan from
the last run's records (test-results/compliance-records.json), without running a test. MDE_BASELINE
applies as in the run. Exits as npm run conformance does (0-4).

  --single-file    Allure as one portable allure-report/index.html (or MDE_REPORT_SINGLE_FILE=true)
  --records FILE   read this records file instead (relative to the repository root)
  --no-allure      skip Allure: only the compliance reports and the leak scan (not with --single-file)
  --dir DIR        another run's directory (a second checkout, a CI artefact unzipped): its records,
                   token fingerprints and allure-results/ are read, and its reports/ and
                   allure-report/ written, instead of the repository's
  --help           this text

Docs: docs/interfaces.md#commands, docs/reports.md#rebuilding`;

try {
  const { values } = scriptArgs(USAGE, {
    options: {
      'single-file': { type: 'boolean' },
      records: { type: 'string' },
      'no-allure': { type: 'boolean' },
      dir: { type: 'string' },
    },
  });
  const { singleFile, skipAllure } = allureSwitches(values, readEnv());
  const { root, env } = runDirectory(values.dir);
  // A relative path is read from the working directory (the repository root under npm run), as
  // report:merge reads its directory; Allure reads the same file (allurerc.mjs).
  const recordsFile = values.records ? resolve(values.records) : join(root, RECORDS_FILE);
  if (values.dir && !values.records && !existsSync(recordsFile))
    throw new Error(
      `--dir ${values.dir} holds no ${RECORDS_FILE}: name the directory a run wrote it in, or the file with --records`,
    );
  // A run's directory given to --records (meant for --dir) would otherwise fail as EISDIR, naming nothing.
  if (values.records && existsSync(recordsFile) && statSync(recordsFile).isDirectory())
    throw new Error(
      `${values.records} is a directory: name the records file (a run writes ${RECORDS_FILE}), or the run's directory with --dir`,
    );
  const records = readRecords(recordsFile);
  refuseOtherContract(records, recordsFile);
  // A shard's run leaves its own records here too: rebuilt alone they made a whole-run report of part of
  // the tests ("Conforming, partial run", exit 0), which a shard never writes (docs/reports.md#shards).
  if (records.shard && records.shard.total > 1)
    throw new Error(
      `${values.records ?? RECORDS_FILE} holds the records of shard ${records.shard.current} of ${records.shard.total} only: merge the shards' records with npm run report:merge (docs/reports.md#shards)`,
    );
  // Once the records are read, before anything is written: a run writing this directory would mix
  // its reports with these.
  // Said with what to fix, not as the EEXIST or EACCES of the first write that fails.
  const unwritable = unwritableOutputs(root);
  if (unwritable.length > 0) throw new Error(unwritable[0]);
  // What writes the reports loads only now: a refused command line or records file ends without it.
  const [
    { getRegistry },
    { loadSelectedBaseline },
    { earlierCompleteFor, earlierCompleteNote },
    { finishRun },
    writing,
  ] = await Promise.all([
    import('../src/contract/index.ts'),
    import('../src/reporters/baseline/baseline.ts'),
    import('../src/reporters/run/earlier-complete.ts'),
    import('../src/reporters/run/finish-run.ts'),
    import('../src/reporters/run/write-reports.ts'),
  ]);
  const { removeVerdicts, writeComplianceReports } = writing;
  lockRunDirectory(root, 'npm run report');
  // From here the run's evidence is written: a first Ctrl-C waits for it (the signal is acted on once
  // the compliance reports are written), a second one stops at once.
  process.exitCode = await holdSignalsWhile(
    async () => {
      const outDir = join(root, REPORTS_DIR);
      // As a run does: a complete report these records would replace waits in earlier-complete/ (a
      // stopped run's records rebuilt here had taken the last complete report with them).
      removeVerdicts(outDir);
      const { reports } = writeComplianceReports(records, {
        outDir,
        registry: getRegistry(),
        baseline: loadSelectedBaseline(),
      });
      for (const report of reports)
        console.log(
          `compliance: ${report.target.name}: exit ${report.summary.exitCode}: ${report.summary.exitReason}`,
        );
      const kept = reports.length === 1 ? earlierCompleteFor(outDir, reports[0]!) : undefined;
      if (kept) console.log(`compliance: ${earlierCompleteNote(kept, `${outDir}/${EARLIER_COMPLETE_DIR}/`)}`);
      return finishRun({ root, ...(env ? { env } : {}), singleFile, skipAllure, recordsFile });
    },
    { ended: 'the compliance reports are written' },
  );
} catch (error) {
  console.error(`report: ${(error as Error).message}`);
  process.exitCode = 2;
}
