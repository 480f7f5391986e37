import { randomUUID } from 'node:crypto';
import { outcomeOf } from '../http/answer.ts';
import { editBody } from './answer-edits.ts';
import { CANCEL, GET, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// A cancel's 200 or a GET showing a cancelled action of a type other than a scan.
const showsCancelledOtherType: AnswerFault['applies'] = (x) => {
  const action = outcomeOf(x, 'cancelled')?.after ?? outcomeOf(x, 'found')?.action;
  return (
    (on(CANCEL, 'cancelled')(x) || on(GET, 'found')(x)) &&
    action?.status === 'Cancelled' &&
    action.type !== 'RunAntiVirusScan'
  );
};

// Faults of what a cancel answers for actions of some types and not others (the answer seam, as
// answer-faults.ts): the cancel page limits cancel by state, never by type (docs/contract.md#cancel).
export const TYPE_ANSWER_FAULTS = [
  {
    // A cancel of an isolation answered with the release it starts, say: only a scan's names itself.
    name: 'non-scan-cancel-new-id',
    seam: 'answer',
    breaks: ['CANCEL.OK'],
    description:
      "The 200 body of a cancel of an action other than a scan carries a new id; a scan's carries its own, and every cancel is stored right.",
    applies: (x) =>
      on(CANCEL, 'cancelled')(x) && outcomeOf(x, 'cancelled')!.before.type !== 'RunAntiVirusScan',
    rewrite: (answer) => editBody(answer, (body) => (body['id'] = randomUUID())),
  },
  {
    // The comment kept where scans keep theirs, and nowhere for the other types.
    name: 'non-scan-cancel-comment-dropped',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancelled action other than a scan shows cancellationComment null, in the cancel's 200 and on GETs; a scan shows the Comment sent.",
    applies: showsCancelledOtherType,
    rewrite: (answer) => editBody(answer, (body) => (body['cancellationComment'] = null)),
  },
  {
    // The cancel of another type recorded by a path that keeps the comment but not who cancelled or
    // when: only the comment was ever checked for those types.
    name: 'non-scan-cancel-requestor-dropped',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      "A cancelled action other than a scan shows cancellationRequestor and cancellationDateTimeUtc null, in the cancel's 200 and on GETs; its comment, and a scan's three fields, are right.",
    applies: showsCancelledOtherType,
    rewrite: (answer) =>
      editBody(answer, (body) => {
        body['cancellationRequestor'] = null;
        body['cancellationDateTimeUtc'] = null;
      }),
  },
] as const satisfies readonly AnswerFault[];
