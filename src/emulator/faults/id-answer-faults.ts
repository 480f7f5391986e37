import { CANCEL, GET, idOf, on, unknownEverywhere } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';
import { askedBefore, cancelledBefore, readBefore, recordCancelled } from './repeated-ids.ts';

// The nil GUID: well-formed, and no action's id.
const NIL_ID = '00000000-0000-0000-0000-000000000000';

// Faults of what a cancel or a GET answers for an id that names no action, or no valid id at all (the
// answer seam, as answer-faults.ts): a lookup that makes an action up, a wrong status or code, a 500.
export const ID_ANSWER_FAULTS = [
  {
    name: 'unknown-id-400',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description: 'A cancel of an id no tenant has answers 400 BadRequest.',
    applies: unknownEverywhere(CANCEL),
    rewrite: (_answer, x, kit) => kit.error('BadRequest', `Machine action ${idOf(x)} is invalid.`),
  },
  {
    name: 'unknown-id-200',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description: 'A cancel of an id no tenant has answers 200 with a made-up Cancelled action.',
    applies: unknownEverywhere(CANCEL),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Cancelled'))),
  },
  {
    // An idempotency store that records every cancel by its id and answers a repeat with the cancel
    // it recorded, as if done: a client retrying after a lost answer is told an unknown id was cancelled.
    name: 'repeated-unknown-id-200',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description:
      'A cancel of an id no tenant has answers 404 the first time; the same id cancelled again answers 200 with a made-up Cancelled action (a retry taken for a cancel made).',
    applies: (x) => unknownEverywhere(CANCEL)(x) && askedBefore(idOf(x)),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Cancelled'))),
  },
  {
    // A read model that upserts on a cancellation event: the cancel of an id that names no action
    // answers 404, yet leaves a row a GET of that id then serves. Every GET of an unknown id named one
    // nothing had touched.
    name: 'cancelled-unknown-id-readable',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      'A cancel of an id no tenant has answers 404, but a GET of that id afterwards answers 200 with a made-up Cancelled action; a GET of an unknown id never cancelled answers 404.',
    applies: (x) => {
      if (unknownEverywhere(CANCEL)(x)) recordCancelled(idOf(x));
      return unknownEverywhere(GET)(x) && cancelledBefore(idOf(x));
    },
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Cancelled'))),
  },
  {
    name: 'notfound-wrong-code',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description: "A cancel of an id no tenant has answers 404 with code 'BadRequest'.",
    applies: unknownEverywhere(CANCEL),
    rewrite: (_answer, x, kit) => kit.error('BadRequest', `Machine action ${idOf(x)} was not found.`, 404),
  },
  {
    // The read route's own not-found mapping, a code of its own: the cancel's test pinned the code,
    // the GET's only the status.
    name: 'get-notfound-wrong-code',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      "A GET of an id no tenant has answers 404 with code 'MachineActionNotFound' (no documented code); a cancel of it answers 404 NotFound.",
    applies: unknownEverywhere(GET),
    rewrite: (_answer, x, kit) =>
      kit.error('MachineActionNotFound', `Machine action ${idOf(x)} was not found.`, 404),
  },
  {
    name: 'uppercase-unknown-id-500',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description:
      'A cancel of an id no tenant has, written in upper case, answers 500 (a case-sensitive lookup that throws); in lower case it answers 404.',
    applies: (x) => unknownEverywhere(CANCEL)(x) && /[A-F]/.test(idOf(x)),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    // The read route's own lookup: the cancel's test sent an upper-case id, the GET's never did.
    name: 'get-uppercase-unknown-id-500',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      'A GET of an id no tenant has, written in upper case, answers 500 (a case-sensitive lookup that throws); in lower case it answers 404, and a cancel of it 404 either way.',
    applies: (x) => unknownEverywhere(GET)(x) && /[A-F]/.test(idOf(x)),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'malformed-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description: 'A cancel of a malformed id answers 500.',
    applies: on(CANCEL, 'malformed'),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'non-ascii-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description:
      'A cancel of a malformed id holding a character outside ASCII answers 500 (an id echoed into a header); other malformed ids answer 404.',
    applies: (x) => on(CANCEL, 'malformed')(x) && /[^\x20-\x7e]/.test(idOf(x)),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    // A read route that parses its id as a GUID and lets the parse error through: the malformed ids
    // were only ever cancelled.
    name: 'get-malformed-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description:
      'A GET of a malformed id answers 500 (a GUID parse that throws); a cancel of one answers 404.',
    applies: on(GET, 'malformed'),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    // An id stored in a column of 128 characters: a longer one fails the lookup's parameter, a 500.
    name: 'long-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description:
      'A cancel of a malformed id longer than 128 characters answers 500 (a lookup whose id parameter holds 128); shorter malformed ids answer 404.',
    applies: (x) => on(CANCEL, 'malformed')(x) && idOf(x).length > 128,
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'get-unknown-200',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description: 'A GET of an id no tenant has answers 200 with a made-up action.',
    applies: unknownEverywhere(GET),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Pending'))),
  },
  {
    // A read-through cache that stores a placeholder row for a miss and serves it on the next read:
    // the first GET of an unknown id is right, the one a client retries gets a made-up action.
    name: 'get-unknown-read-again-200',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      'A GET of an id no tenant has answers 404 the first time; the same id read again answers 200 with a made-up Pending action (a cached placeholder for the miss).',
    applies: (x) => unknownEverywhere(GET)(x) && readBefore(idOf(x)),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Pending'))),
  },
  {
    // A lookup that reads the nil GUID (Guid.Empty) as no id given and answers a default row: every
    // unknown id the suite sent was random.
    name: 'get-nil-id-200',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      'A GET of the nil GUID 00000000-0000-0000-0000-000000000000 answers 200 with a made-up Pending action (an empty id read as a default row); other unknown ids answer 404.',
    applies: (x) => unknownEverywhere(GET)(x) && idOf(x) === NIL_ID,
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Pending'))),
  },
  {
    name: 'cancel-nil-id-200',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND'],
    description:
      'A cancel of the nil GUID 00000000-0000-0000-0000-000000000000 answers 200 with a made-up Cancelled action (an empty id read as a default row); other unknown ids answer 404.',
    applies: (x) => unknownEverywhere(CANCEL)(x) && idOf(x) === NIL_ID,
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Cancelled'))),
  },
] as const satisfies readonly AnswerFault[];
