import { relative } from 'node:path';
import type { FileWriteError } from '../../common/file-write-error.ts';

// The one line a run says when its evidence could not be written, with what is left to do: the
// records rebuild the reports once the cause is fixed (npm run report), unless they are what failed
// or the run was a shard (its records are merged, not rebuilt alone), or they were never written (what
// failed came before them: the earlier complete report's move aside), the file holding an earlier run's.
export function reportsNotWritten(
  error: FileWriteError,
  recordsFile: string,
  shard: boolean,
  recordsWritten = true,
): string {
  const records = relative(process.cwd(), recordsFile) || recordsFile;
  const next =
    error.file === recordsFile || shard || !recordsWritten
      ? `this run's verdict is lost: run ${shard ? 'the shard' : 'npm run conformance'} again once that is fixed`
      : `then rebuild this run's reports from ${records} with npm run report`;
  return `compliance: ${error.message}; ${next}`;
}
