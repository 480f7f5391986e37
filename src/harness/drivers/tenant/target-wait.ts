import { currentTestInfo } from '../../evidence/record-finding.ts';
import type { RealTime } from './real-time.ts';

// A wait the tenant asked for (a Retry-After, a window to empty) is the target's, not the test's: the
// running test's timeout grows by it before the wait.
export async function waitForTarget(time: RealTime, waitMs: number): Promise<void> {
  const info = currentTestInfo();
  if (info && info.timeout > 0) info.setTimeout(info.timeout + waitMs);
  await time.sleep(waitMs);
}
