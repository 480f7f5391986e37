import { outcomeOf } from '../http/answer.ts';
import { GET, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';
import { firstAnswerOf } from './kept-answers.ts';

// Faults of what a read answers under /api (the answer seam), the stored action being right: the
// reads a client polls to see what its cancel did.
export const READ_ANSWER_FAULTS = [
  {
    // A response cache on the read route that nothing invalidates: automation that reads an action,
    // cancels it and reads it again is told the cancel never happened. PATH.VERSIONED sees it too: the
    // uncached read under /api/v1.0 then differs from the one under /api.
    name: 'get-cached',
    seam: 'answer',
    breaks: ['CANCEL.PERSIST', 'PATH.VERSIONED'],
    description:
      'A GET under /api answers an action as its first GET showed it (a response cache never invalidated): an action read before its cancel keeps reading as it was, though the cancel is stored.',
    applies: (x) => !x.versioned && on(GET, 'found')(x),
    rewrite: (answer, x) => firstAnswerOf(outcomeOf(x, 'found')!.action, answer),
  },
] as const satisfies readonly AnswerFault[];
