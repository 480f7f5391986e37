import { CANCEL, GET, on, unknownEverywhere } from './exchange-filters.ts';
import type { WireFault } from './fault-entry.ts';

// Faults of the connection (the wire seam: http/wire-acts.ts). Each loses only a few exchanges, so
// that exactly the requirements whose tests make them read ERROR (`errors`), and nothing reads FAIL.
export const WIRE_FAULTS = [
  {
    name: 'reset-final-state-cancel',
    seam: 'wire',
    breaks: [],
    errors: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    description: 'The connection is reset (TCP RST) when a cancel targets an action in a final state.',
    applies: on(CANCEL, 'refused-final'),
    act: 'reset',
  },
  {
    name: 'no-answer-get-unknown',
    seam: 'wire',
    breaks: [],
    errors: ['GET.NOTFOUND', 'SCHEMA.ERROR'],
    description: 'A GET of an id no tenant holds is never answered; the connection stays open.',
    applies: unknownEverywhere(GET),
    act: 'no-answer',
  },
  {
    name: 'truncated-versioned-body',
    seam: 'wire',
    breaks: [],
    // CANCEL.TENANT, CANCEL.NOTFOUND, CANCEL.BADID, CANCEL.FINAL, CANCEL.TIMEOUT, CANCEL.FIELDS,
    // CANCEL.BODY, HDR.CONTENTTYPE, CANCEL.REOPEN, PERM.NONE and PERM.ROLES try their cancel under
    // /api/v1.0 too;
    // GET.NOTFOUND, RATE.RETRYAFTER, RATE.MINUTE, RATE.NOEFFECT and the AUTH requirements a call there;
    // SCHEMA.ENTITY a list there.
    errors: [
      'PATH.VERSIONED',
      'CANCEL.TENANT',
      'CANCEL.NOTFOUND',
      'CANCEL.BADID',
      'GET.NOTFOUND',
      'PERM.ROLES',
      'CANCEL.FINAL',
      'CANCEL.TIMEOUT',
      'PERM.NONE',
      'CANCEL.FIELDS',
      'AUTH.MISSING',
      'AUTH.INVALID',
      'AUTH.EXPIRED',
      'AUTH.SCHEME',
      'AUTH.AUDIENCE',
      'CANCEL.BODY',
      'HDR.CONTENTTYPE',
      'RATE.RETRYAFTER',
      'RATE.MINUTE',
      'RATE.NOEFFECT',
      'SCHEMA.ENTITY',
      'CANCEL.REOPEN',
    ],
    description:
      'Answers under /api/v1.0 declare a Content-Length larger than the bytes sent, then the connection ends.',
    applies: (x) => x.versioned,
    act: 'truncate',
  },
] as const satisfies readonly WireFault[];
