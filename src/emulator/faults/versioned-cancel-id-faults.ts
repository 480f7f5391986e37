import { randomUUID } from 'node:crypto';
import { editBody } from './answer-edits.ts';
import { CANCEL, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults of the id a cancel under /api/v1.0 answers with (a versioned route that renders its own
// answer); under /api the same cancel names the action asked for.
export const VERSIONED_CANCEL_ID_FAULTS = [
  {
    // A versioned route that answers the cancellation request it queued, not the action: CANCEL.OK reads
    // the id of the cancel's 200 under /api alone, and the versioned cancels were judged by status,
    // cancellation fields and the stored action.
    name: 'versioned-cancel-new-id',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'The 200 body of a cancel under /api/v1.0 carries a new id (that of a cancellation request, not of the action); under /api it names the action asked for, and every cancel is stored right.',
    applies: (x) => x.versioned && on(CANCEL, 'cancelled')(x),
    rewrite: (answer) => editBody(answer, (body) => (body['id'] = randomUUID())),
  },
] as const satisfies readonly AnswerFault[];
