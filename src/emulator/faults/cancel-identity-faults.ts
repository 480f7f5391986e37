import { outcomeOf } from '../http/answer.ts';
import { editBody } from './answer-edits.ts';
import { CANCEL, GET, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults of what a cancel's 200 says the action is (the answer seam): the cancel updates the original
// action and answers it (docs/contract.md#after-cancel), so only status, the cancellation fields and
// lastUpdateDateTimeUtc may differ from the action asked for, in its 200 and on a GET after it.
export const CANCEL_IDENTITY_FAULTS = [
  {
    // An answer rendered from the cancel command's own record, which names its type, with the id of
    // the action it targets.
    name: 'cancel-answer-type-of-command',
    seam: 'answer',
    breaks: ['CANCEL.OK'],
    description:
      "The 200 body of a cancel carries the cancel command's type ('CancelMachineAction') in place of the action's; the stored action is right.",
    applies: on(CANCEL, 'cancelled'),
    rewrite: (answer) => editBody(answer, (body) => (body['type'] = 'CancelMachineAction')),
  },
  {
    // The create operations' mapping of the body's Comment (into requestorComment) reused for the
    // cancel's answer, beside the cancellationComment it also writes.
    name: 'cancel-answer-comment-as-requestor-comment',
    seam: 'answer',
    breaks: ['CANCEL.OK'],
    description:
      "The 200 body of a cancel shows the cancel's Comment as requestorComment too (the create operations' mapping of Comment); the stored action is right.",
    applies: on(CANCEL, 'cancelled'),
    rewrite: (answer, x) =>
      editBody(answer, (body) => {
        body['requestorComment'] =
          outcomeOf(x, 'cancelled')!.after.cancellationComment ?? body['requestorComment'];
      }),
  },
  {
    // The same mapping written into the stored action (only its reads by id show it here): the
    // creator's comment is lost once the action is cancelled.
    name: 'get-cancelled-comment-as-requestor-comment',
    seam: 'answer',
    breaks: ['CANCEL.PERSIST'],
    description:
      "A GET of an action cancelled with a Comment shows that Comment as its requestorComment too (a cancel that wrote Comment over requestorComment); the cancel's 200 is right.",
    applies: (x) => {
      const action = outcomeOf(x, 'found')?.action;
      return on(GET, 'found')(x) && action?.status === 'Cancelled' && action.cancellationComment !== null;
    },
    rewrite: (answer, x) =>
      editBody(answer, (body) => {
        body['requestorComment'] = outcomeOf(x, 'found')!.action.cancellationComment;
      }),
  },
] as const satisfies readonly AnswerFault[];
