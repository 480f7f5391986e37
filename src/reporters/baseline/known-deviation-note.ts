import type { RequirementResult } from '../compliance/requirement-results.ts';

// A baseline entry matches by requirement and verdict, not by the answer: any failure of CANCEL.FINAL
// is known once it is listed. So the row says whether the run failed the way the entry records: its
// reason once when the entry's reason is the run's (or a part of it, copied from an earlier row),
// otherwise both, the entry's marked as another. What passes does not change.
export function knownDeviationNote(r: RequirementResult): string | undefined {
  if (r.baseline?.status !== 'known') return undefined;
  const link = r.baseline.link ? ` (${r.baseline.link})` : '';
  const run = comparable(r.reason ?? '');
  const entry = comparable(r.baseline.reason);
  if (run && entry && (run === entry || partOf(entry, run) || partOf(run, entry)))
    return `as the baseline records${link}`;
  return `the baseline records another reason: ${r.baseline.reason}${link}`;
}

// Case, spacing, a closing full stop and a cut line's "…" do not make two reasons differ.
function comparable(reason: string): string {
  return reason
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.…]+$/, '');
}

// A part long enough to say which failure it was: a reason of "200" is in almost any run's reason.
const MIN_PART = 20;

function partOf(part: string, whole: string): boolean {
  return part.length >= MIN_PART && whole.includes(part);
}
