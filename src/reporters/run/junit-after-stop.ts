import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDS_FILE } from '../../common/report-files.ts';
import { runJunitFile } from '../junit/junit-file.ts';
import { alignJunitFile } from '../junit/junit-outcomes.ts';
import type { RunRecords } from '../records/test-record.ts';
import type { EndedRun } from './ended-run.ts';

// The compliance reporter aligns the JUnit file with the records once every reporter has ended
// (junit/junit-after-run.ts). A Ctrl-C or SIGTERM that reached Playwright's runner between its reporters'
// end and that moment left junit.xml as Playwright wrote it: errored tests as failures or skipped, the
// findings inside, beside a compliance report that says otherwise. Aligning is idempotent: the script
// does it again once the runner has exited, and an aligned file is left as it is.
export function alignJunitAfterStop(
  root: string,
  run: EndedRun,
  log: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): void {
  const plan = run.plan;
  if (!plan) return;
  let records: RunRecords;
  try {
    records = JSON.parse(readFileSync(join(root, RECORDS_FILE), 'utf8')) as RunRecords;
  } catch {
    return;
  }
  // Only this run's records judge this run's JUnit file.
  if (records.runId !== plan.runId || Date.parse(records.startedAt) < run.startedAt) return;
  const file = runJunitFile(root, plan.shard, env);
  try {
    const changed = alignJunitFile(file, records, run.startedAt);
    if (changed > 0)
      log(`junit: ${changed} test(s) marked error or failure, as the compliance records judged them`);
  } catch (error) {
    // junit.xml is one artefact of several: the verdict stands whatever befalls it.
    log(`junit: left as Playwright wrote it: ${(error as Error).message}`);
  }
}
