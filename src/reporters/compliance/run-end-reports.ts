import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test/reporter';
import { COMPLIANCE_JSON, EARLIER_COMPLETE_DIR } from '../../common/report-files.ts';
import { getRegistry } from '../../contract/index.ts';
import type { Baseline } from '../baseline/baseline.ts';
import { shardRecordsFile, writeRecords } from '../records/records-file.ts';
import type { RunRecords } from '../records/test-record.ts';
import type { ExitCode } from '../run/run-outcome.ts';
import {
  readQuota,
  removeVerdicts,
  removeWholeRunReports,
  writeComplianceReports,
} from '../run/write-reports.ts';
import { judgedShard, shardExitCode } from '../shards/shard-judgement.ts';
import { complianceLine } from './compliance-line.ts';
import { verdictLine } from './verdict-line.ts';

export interface RunEndOptions {
  outDir: string;
  shard: FullConfig['shard'];
  recordsFile: string;
  baseline: Baseline | undefined;
  // Called once the run's own records are written: from then on they are the run's.
  recordsWritten: () => void;
  say: (line: string) => void;
}

// What the compliance reporter writes once a run's records are collected: a shard's records for the
// merge, or the run's records and its compliance reports. Returns the run's exit code.
export function writeRunEnd(records: RunRecords, options: RunEndOptions): ExitCode {
  const { outDir, shard, say } = options;
  if (shard) {
    records.shardExitCode = judgedShard(records, (r) => shardExitCode(r, options.baseline));
    // Its reports/quota.json is overwritten by the next shard here, or left on another machine.
    const quota = readQuota(outDir, records);
    if (quota !== undefined) records.quota = quota;
  }
  if (shard) {
    // One shard holds part of the evidence: its records are merged by scripts/merge-shards.ts. They
    // are written before the run's own records, which tell the shard's outcome: a shard whose file
    // for the merge could not be written must not read as having ended well.
    removeWholeRunReports(outDir);
    const file = shardRecordsFile(outDir, shard);
    writeRecords(file, records);
    writeRecords(options.recordsFile, records);
    options.recordsWritten();
    const exitCode = records.shardExitCode!;
    const kept = existsSync(join(outDir, EARLIER_COMPLETE_DIR, COMPLIANCE_JSON))
      ? `; the last complete run's report is kept in ${outDir}/${EARLIER_COMPLETE_DIR}/`
      : '';
    say(`compliance: shard ${shard.current}/${shard.total} records in ${file} (exit ${exitCode})${kept}`);
    return exitCode;
  }
  removeVerdicts(outDir);
  writeRecords(options.recordsFile, records);
  options.recordsWritten();
  const { exitCode, reports } = writeComplianceReports(records, {
    outDir,
    registry: getRegistry(),
    baseline: options.baseline,
  });
  const verdict = verdictLine(reports);
  if (verdict) say(verdict);
  say(complianceLine(outDir, exitCode, reports));
  return exitCode;
}
