import { getRegistry } from '../../contract/index.ts';
import type { Baseline } from '../baseline/baseline.ts';
import { buildComplianceReport } from '../compliance/compliance-report.ts';
import { reasonLine } from '../compliance/reason-line.ts';
import type { RunRecords } from '../records/test-record.ts';
import { EXIT, type ExitCode, worstOf } from '../run/run-outcome.ts';

// The records are the shard's evidence: a judgement that throws must not cost them. It is then a
// suite error of the shard (exit 2), said in its records.
export function judgedShard(records: RunRecords, judge: (records: RunRecords) => ExitCode): ExitCode {
  try {
    return judge(records);
  } catch (error) {
    const line = reasonLine(`judging the shard failed: ${String((error as Error).message)}`);
    records.runErrors.push({ category: 'suite-error', line });
    return EXIT.ERRORED;
  }
}

// A shard cannot judge a baseline (the other half of a requirement's tests may be elsewhere): it
// fails only on what is certain within it, and the merge job decides the rest.
export function shardExitCode(records: RunRecords, baseline: Baseline | undefined): ExitCode {
  if (records.runErrors.length > 0) return EXIT.ERRORED;
  const codes = [...new Set(records.tests.map((t) => t.target))].map((targetName) => {
    const report = buildComplianceReport({ records, targetName, registry: getRegistry(), baseline });
    if (report.summary.errored > 0) return report.summary.exitCode;
    const failed = report.requirements.some((r) => r.verdict === 'FAIL' && r.baseline?.status !== 'known');
    return failed ? EXIT.NOT_CONFORMING : EXIT.CONFORMING;
  });
  return worstOf(codes);
}
