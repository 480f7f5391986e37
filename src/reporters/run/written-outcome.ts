import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPLIANCE_JSON, TARGET_INDEX_JSON } from '../../common/report-files.ts';
import type { RunRecords } from '../records/test-record.ts';
import type { ExitCode, Outcome } from './run-outcome.ts';

// The run's outcome as its reports say: reports/compliance.json, or the matrix's targets/index.json.
// Undefined when this run wrote none (a shard, --list).
export function readRunOutcome(reportsDir: string, since = 0): Outcome | undefined {
  for (const file of [COMPLIANCE_JSON, TARGET_INDEX_JSON]) {
    const path = join(reportsDir, file);
    if (!existsSync(path)) continue;
    const report = readJson<{
      generatedAt?: string;
      summary?: Outcome;
      exitCode?: ExitCode;
      exitReason?: string;
    }>(path);
    if (!report || !writtenSince(report.generatedAt, since)) continue;
    const outcome = report.summary ?? { exitCode: report.exitCode, exitReason: report.exitReason };
    if (typeof outcome.exitCode === 'number')
      return { exitCode: outcome.exitCode, exitReason: outcome.exitReason ?? '' };
  }
  return undefined;
}

// A shard's outcome, from the records it wrote (it writes no whole-run report): the code of what it
// holds, which the merge of all shards may still change. Undefined unless this run was a shard.
export function readShardOutcome(recordsFile: string, since = 0): Outcome | undefined {
  const records = readJson<Partial<RunRecords>>(recordsFile);
  if (!records?.shard || records.shardExitCode === undefined) return undefined;
  if (!writtenSince(records.startedAt, since)) return undefined;
  const { current, total } = records.shard;
  return {
    exitCode: records.shardExitCode,
    exitReason: `shard ${current}/${total}: merge the shards for the run's verdict`,
  };
}

// A file cut short (a run killed while writing) is no outcome: the caller falls back to the runner's
// own status rather than failing before the Allure report and the leak scan.
function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

// A time that is missing or unreadable counts as old: only this run's own reports decide its code.
function writtenSince(time: string | undefined, since: number): boolean {
  return !since || Date.parse(time ?? '') >= since;
}
