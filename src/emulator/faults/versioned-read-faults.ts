import { outcomeOf } from '../http/answer.ts';
import { editBody } from './answer-edits.ts';
import { GET, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Statuses the versioned read of versioned-get-final-404 cannot find: those a device reports at the end
// of its work (a cancel's own Cancelled stays in the live store).
const ARCHIVED = ['Succeeded', 'Failed', 'TimeOut'];

// Faults of what a GET answers under /api/v1.0 alone (a versioned read route that looks the action up
// its own way); under /api the same GET is answered right.
export const VERSIONED_READ_FAULTS = [
  {
    // The versioned reads compared under both paths were of an active action, and of it cancelled: an
    // action the device finished was read there by no test.
    name: 'versioned-get-final-404',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 of a Succeeded, Failed or TimeOut action answers 404 NotFound (a versioned read route that looks in the live store alone, not in the archive of finished actions); active and Cancelled actions read there as under /api, and every action reads under /api.',
    applies: (x) =>
      x.versioned && on(GET, 'found')(x) && ARCHIVED.includes(outcomeOf(x, 'found')!.action.status),
    rewrite: (_answer, _x, kit) => kit.error('NotFound', 'Machine action not found.', 404),
  },
  {
    // The versioned reads compared under both paths were of a Pending action, of it cancelled and of a
    // Succeeded one: a running action was read there by no test.
    name: 'versioned-get-running-pending',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 of an InProgress action shows it Pending (a versioned read route served from the store of requests, which never learns that the device started); every other status reads there as under /api, and every action reads right under /api.',
    applies: (x) =>
      x.versioned && on(GET, 'found')(x) && outcomeOf(x, 'found')!.action.status === 'InProgress',
    rewrite: (answer) => editBody(answer, (body) => (body['status'] = 'Pending')),
  },
  {
    // The versioned reads compared under both paths were all of scans: an action of another type was
    // read there only by tests that expect a refusal (a stranger, a bad token).
    name: 'versioned-get-non-scan-404',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 of an action other than a RunAntiVirusScan answers 404 NotFound (a versioned read route ported for scans alone); scans read there as under /api, and every action reads under /api.',
    applies: (x) =>
      x.versioned && on(GET, 'found')(x) && outcomeOf(x, 'found')!.action.type !== 'RunAntiVirusScan',
    rewrite: (_answer, _x, kit) => kit.error('NotFound', 'Machine action not found.', 404),
  },
  {
    // A versioned read route that parses its id as a GUID and lets the parse error through: the
    // malformed ids read were read under /api alone.
    name: 'versioned-get-malformed-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description:
      'A GET under /api/v1.0 of a malformed id answers 500 (a GUID parse that throws); under /api it answers 404, and a cancel of one 404 under both.',
    applies: (x) => x.versioned && on(GET, 'malformed')(x),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
] as const satisfies readonly AnswerFault[];
