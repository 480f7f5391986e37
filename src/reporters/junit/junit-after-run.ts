import { relative } from 'node:path';
import type { FullConfig } from '@playwright/test/reporter';
import type { RunRecords } from '../records/test-record.ts';
import { junitFileOf } from './junit-file.ts';
import { alignJunitFile } from './junit-outcomes.ts';

// Every reporter has ended, Playwright's JUnit reporter among them, wherever it is listed: its file
// is made to agree with the records (junit-outcomes.ts), for a plain `npx playwright test` too.
export function alignJunitAfterRun(
  config: FullConfig,
  records: RunRecords | undefined,
  startedAtMs: number,
  say: (line: string) => void,
): void {
  const file = records && junitFileOf(config);
  if (!file) return;
  try {
    // Playwright said only "Error: ENOSPC: no space left on device, write", naming no file.
    const cutShort = () =>
      console.error(
        `junit: ${relative(process.cwd(), file) || file} is not valid XML, cut short as it was written (a full disk? see the error above); it is no record of this run: fix that, then run again`,
      );
    const changed = alignJunitFile(file, records, startedAtMs, cutShort);
    if (changed > 0)
      say(`junit: ${changed} test(s) marked error or failure, as the compliance records judged them`);
  } catch (error) {
    // junit.xml is one artefact of several: the verdict stands whatever befalls it.
    say(`junit: left as Playwright wrote it: ${(error as Error).message}`);
  }
}
