import { outcomeOf } from '../http/answer.ts';
import { CANCELLATION_KEYS, editBody, withoutCancellationFields } from './answer-edits.ts';
import {
  CANCEL,
  finalNotTimeOut,
  foreign,
  GET,
  idOf,
  inProgressCancel,
  LIST,
  on,
  unknownEverywhere,
} from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';
import { firstAnswerOf } from './kept-answers.ts';

// Faults of what a cancel answers under /api/v1.0 alone (a versioned route that reaches a handler of
// its own): under /api the same cancel is answered right.
export const VERSIONED_ANSWER_FAULTS = [
  {
    name: 'versioned-unknown-id-200',
    seam: 'answer',
    breaks: ['CANCEL.NOTFOUND', 'PATH.VERSIONED'],
    description:
      'A cancel under /api/v1.0 of an id no tenant has answers 200 with a made-up Cancelled action; under /api it answers 404.',
    applies: (x) => x.versioned && unknownEverywhere(CANCEL)(x),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Cancelled'))),
  },
  {
    name: 'versioned-get-unknown-200',
    seam: 'answer',
    breaks: ['GET.NOTFOUND'],
    description:
      'A GET under /api/v1.0 of an id no tenant has answers 200 with a made-up Pending action; under /api it answers 404.',
    applies: (x) => x.versioned && unknownEverywhere(GET)(x),
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(kit.madeUp(idOf(x), 'Pending'))),
  },
  {
    // A newer controller behind the versioned route words its 404 with the other documented code:
    // each is lawful (docs/contract.md#unknown-id), the two paths answering apart is not.
    name: 'versioned-get-unknown-other-code',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 of an id no tenant has answers 404 with the other not-found code (ResourceNotFound where /api says NotFound, and the reverse); a cancel answers alike under both.',
    applies: (x) => x.versioned && unknownEverywhere(GET)(x),
    rewrite: (answer, x, kit) => {
      const code = (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code;
      const other = code === 'ResourceNotFound' ? 'NotFound' : 'ResourceNotFound';
      return kit.error(other, `Machine action ${idOf(x)} was not found.`, 404);
    },
  },
  {
    name: 'versioned-malformed-id-500',
    seam: 'answer',
    breaks: ['CANCEL.BADID'],
    description:
      'A cancel under /api/v1.0 of a malformed id answers 500 (a versioned route that parses the id itself); under /api it answers 404.',
    applies: (x) => x.versioned && on(CANCEL, 'malformed')(x),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'versioned-final-state-500',
    seam: 'answer',
    breaks: ['CANCEL.FINAL'],
    description:
      'A cancel under /api/v1.0 of a Succeeded, Failed or Cancelled action answers 500; under /api it is refused with a 4xx.',
    applies: (x) => x.versioned && finalNotTimeOut(x),
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'versioned-final-state-conflict',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A cancel under /api/v1.0 of a Succeeded, Failed or Cancelled action answers 409 Conflict, however it is refused under /api (400 BadRequest by default).',
    applies: (x) => x.versioned && finalNotTimeOut(x),
    rewrite: (_answer, x, kit) => kit.error('Conflict', `Machine action ${idOf(x)} has already ended.`),
  },
  {
    name: 'versioned-foreign-id-403',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      "A GET or cancel under /api/v1.0 of another tenant's action answers 403 Forbidden (telling that it exists); under /api it answers 404.",
    applies: (x) => x.versioned && foreign(x),
    rewrite: (_answer, x, kit) =>
      kit.error('Forbidden', `Machine action ${idOf(x)} belongs to another tenant.`),
  },
  {
    // An output cache on the versioned read route: the cancel is stored and GETs under /api show it.
    name: 'versioned-get-cached',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 answers an action as its first GET there showed it (a cache on the versioned route): an action read there before its cancel reads Pending there after it; under /api a GET shows the cancel.',
    applies: (x) => x.versioned && on(GET, 'found')(x),
    rewrite: (answer, x) => firstAnswerOf(outcomeOf(x, 'found')!.action, answer),
  },
  {
    // A versioned read route that renders the entity through a DTO of its own, without the cancellation:
    // the reads compared under both paths were compared by status and id alone.
    name: 'versioned-get-cancellation-fields-null',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description:
      'A GET under /api/v1.0 of a Cancelled action shows its cancellation fields null; under /api a GET, and the cancel itself, carry them.',
    applies: (x) =>
      x.versioned && on(GET, 'found')(x) && outcomeOf(x, 'found')!.action.status === 'Cancelled',
    rewrite: (answer) =>
      editBody(answer, (body) => {
        for (const key of CANCELLATION_KEYS) body[key] = null;
      }),
  },
  {
    name: 'versioned-cancel-fields-missing',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body of a cancel under /api/v1.0 says Cancelled but has no cancellation* keys; under /api it has them, and the stored action is right.',
    applies: (x) => x.versioned && on(CANCEL, 'cancelled')(x),
    rewrite: withoutCancellationFields,
  },
  {
    // A versioned route that stamps the cancel with a date of its own making (the day's start in
    // another zone, say): only the date's form was judged there.
    name: 'versioned-cancel-date-before-creation',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body of a cancel under /api/v1.0 carries a cancellationDateTimeUtc one day before the creation of the action; under /api it is right, and so is the stored action.',
    applies: (x) => x.versioned && on(CANCEL, 'cancelled')(x),
    rewrite: (answer) =>
      editBody(answer, (body) => {
        const created = Date.parse(String(body['creationDateTimeUtc']));
        if (!Number.isNaN(created))
          body['cancellationDateTimeUtc'] = new Date(created - 86_400_000).toISOString();
      }),
  },
  {
    name: 'versioned-inprogress-cancel-fields-missing',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body of a cancel under /api/v1.0 of an InProgress action says Cancelled but has no cancellation* keys; a Pending one, or any under /api, has them.',
    applies: (x) => x.versioned && inProgressCancel(x),
    rewrite: withoutCancellationFields,
  },
  {
    // A versioned route throttled by a limiter of its own, which words its 429 without the header.
    name: 'versioned-429-without-retry-after',
    seam: 'answer',
    breaks: ['RATE.RETRYAFTER'],
    description:
      'A 429 under /api/v1.0 carries no Retry-After (the windows are shared, so a call there past the limit is throttled); under /api every 429 carries it.',
    applies: (x) => x.versioned && x.outcome.kind === 'refused' && x.outcome.error.status === 429,
    rewrite: (answer) => {
      delete answer.headers['retry-after'];
      return answer;
    },
  },
  {
    // Versioned read routes behind a limiter of their own that names an hour's wait for the minute's
    // limit: the bound of 60 seconds was judged on 429s under /api and a versioned cancel's alone.
    name: 'versioned-read-429-retry-after-hour',
    seam: 'answer',
    breaks: ['RATE.RETRYAFTER'],
    description:
      "A 429 of a GET or a list under /api/v1.0 says Retry-After 3600; under /api, and a cancel's under either path, say the time their window needs.",
    applies: (x) =>
      x.versioned &&
      (x.operationId === GET || x.operationId === LIST) &&
      x.outcome.kind === 'refused' &&
      x.outcome.error.status === 429,
    rewrite: (answer) => ({ ...answer, headers: { ...answer.headers, 'retry-after': '3600' } }),
  },
  {
    // A versioned list route still built on the entity model of the older docs, which spelt the status
    // 'Canceled' until 2021 (docs/contract.md#statuses): its rows in any other status read right.
    name: 'versioned-list-cancelled-canceled',
    seam: 'answer',
    breaks: ['SCHEMA.ENTITY'],
    description:
      "The list under /api/v1.0 shows a Cancelled action with status 'Canceled' (one l); under /api, in a GET and in the cancel's 200 it says Cancelled.",
    applies: (x) => x.versioned && on(LIST, 'listed')(x),
    rewrite: (answer) =>
      editBody(answer, (body) => {
        const rows = Array.isArray(body['value']) ? (body['value'] as Record<string, unknown>[]) : [];
        for (const row of rows) if (row['status'] === 'Cancelled') row['status'] = 'Canceled';
      }),
  },
] as const satisfies readonly AnswerFault[];
