import { suiteInfo } from '../compliance/suite-info.ts';
import type { RunRecords } from './test-record.ts';

// Records judged against another contract would be reported with this checkout's requirements and
// statements beside that run's verdicts, under that run's hash: a report that matches no contract.
// `what` names the records ("test-results/compliance-records.json", "the shards in reports/shards").
export function refuseOtherContract(records: RunRecords, what: string, here = suiteInfo()): void {
  const theirs = records.suite?.contractHash;
  if (theirs === here.contractHash) return;
  throw new Error(
    `${what} ${records.suite?.version ? `(suite ${records.suite.version}) ` : ''}checked contract ${theirs ?? 'unknown'}, this checkout has ${here.contractHash}: ` +
      'rebuild the report in a checkout of the commit that ran it, or run `npm run conformance` again here',
  );
}
