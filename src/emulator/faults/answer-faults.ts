import { randomUUID } from 'node:crypto';
import { toUsDateTime } from '../clock/timestamps.ts';
import { outcomeOf } from '../http/answer.ts';
import { CANCELLATION_KEYS, editBody, withoutCancellationFields } from './answer-edits.ts';
import { CANCEL, finalNotTimeOut, GET, inProgressCancel, LIST, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults that rewrite what an operation answers for a given outcome (the answer seam:
// http/render-answer.ts renders the outcome per profile, then these rewrite it). The stored action is
// never touched here; store faults do that.

// The entities of a 2xx body: the body itself, or the items of a collection.
function entitiesOf(body: unknown): Record<string, unknown>[] {
  const value = (body as { value?: unknown }).value;
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [body as Record<string, unknown>];
}

// An action the device finished after a while (a seeded one keeps its status and its creation time).
function finishedByItself(entity: Record<string, unknown>): boolean {
  const at = (key: string) => Date.parse(String(entity[key]));
  return entity['status'] === 'Succeeded' && at('lastUpdateDateTimeUtc') > at('creationDateTimeUtc');
}

export const ANSWER_FAULTS = [
  {
    name: 'cancel-new-id',
    seam: 'answer',
    breaks: ['CANCEL.OK'],
    description: 'The 200 body of a cancel carries a new id; the stored action is cancelled correctly.',
    applies: on(CANCEL, 'cancelled'),
    rewrite: (answer) => editBody(answer, (body) => (body['id'] = randomUUID())),
  },
  {
    name: 'cancel-status-canceled',
    seam: 'answer',
    breaks: ['CANCEL.STATUS', 'SCHEMA.ENTITY'],
    description: "The 200 body of a cancel says status 'Canceled' (one l).",
    applies: on(CANCEL, 'cancelled'),
    rewrite: (answer) => editBody(answer, (body) => (body['status'] = 'Canceled')),
  },
  {
    name: 'cancel-stale-fields',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body says Cancelled but its cancellation fields are null and lastUpdateDateTimeUtc is not bumped; the stored action is right.',
    applies: on(CANCEL, 'cancelled'),
    rewrite: (answer, x, kit) => {
      const stale = kit.entity(outcomeOf(x, 'cancelled')!.before);
      return editBody(answer, (body) => {
        for (const key of [...CANCELLATION_KEYS, 'lastUpdateDateTimeUtc']) body[key] = stale[key];
      });
    },
  },
  {
    name: 'cancel-fields-missing',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description: 'The 200 body of a cancel has no cancellation* keys at all; the stored action is right.',
    applies: on(CANCEL, 'cancelled'),
    rewrite: withoutCancellationFields,
  },
  {
    name: 'inprogress-cancel-canceled',
    seam: 'answer',
    breaks: ['CANCEL.STATUS', 'SCHEMA.ENTITY'],
    description:
      "The 200 body of a cancel of an InProgress action says status 'Canceled' (one l); a Pending one's says Cancelled.",
    applies: inProgressCancel,
    rewrite: (answer) => editBody(answer, (body) => (body['status'] = 'Canceled')),
  },
  {
    name: 'inprogress-cancel-fields-missing',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body of a cancel of an InProgress action says Cancelled but has no cancellation* keys; a Pending one is answered right, and the stored action is right.',
    applies: inProgressCancel,
    rewrite: withoutCancellationFields,
  },
  {
    name: 'get-cancellation-fields-null',
    seam: 'answer',
    breaks: ['CANCEL.FIELDS'],
    description:
      'A GET of a Cancelled action shows its cancellation fields null; the 200 body of the cancel carries them.',
    applies: (x) => on(GET, 'found')(x) && outcomeOf(x, 'found')!.action.status === 'Cancelled',
    rewrite: (answer) =>
      editBody(answer, (body) => {
        for (const key of CANCELLATION_KEYS) body[key] = null;
      }),
  },
  {
    name: 'list-cancelled-canceled',
    seam: 'answer',
    breaks: ['SCHEMA.ENTITY'],
    description:
      "The list shows a Cancelled action with status 'Canceled' (one l); a GET and the cancel's 200 say Cancelled.",
    applies: on(LIST, 'listed'),
    rewrite: (answer) => {
      if (answer.status >= 300) return answer;
      for (const entity of entitiesOf(answer.body))
        if (entity['status'] === 'Cancelled') entity['status'] = 'Canceled';
      return answer;
    },
  },
  {
    // The device's command state ('Completed', as live response commands report theirs) passed through
    // as the action's status. Only for an action that finished by itself: an emulator's tests read none.
    name: 'finished-reads-completed',
    seam: 'answer',
    breaks: ['SCHEMA.ENTITY'],
    description:
      "An action that finished by itself reads status 'Completed' (no status of the enum) in a GET and in the list; one seeded Succeeded, or cancelled, reads right.",
    applies: (x) => on(GET, 'found')(x) || on(LIST, 'listed')(x),
    rewrite: (answer) => {
      if (answer.status >= 300) return answer;
      for (const entity of entitiesOf(answer.body))
        if (finishedByItself(entity)) entity['status'] = 'Completed';
      return answer;
    },
  },
  {
    name: 'final-state-500',
    seam: 'answer',
    breaks: ['CANCEL.FINAL'],
    description: 'A cancel of a Succeeded, Failed or Cancelled action answers 500 with the error envelope.',
    applies: finalNotTimeOut,
    rewrite: (_answer, _x, kit) => kit.error('InternalServerError', 'Internal server error.'),
  },
  {
    name: 'final-state-200-unchanged',
    seam: 'answer',
    breaks: ['CANCEL.FINAL'],
    description: 'A cancel of a Succeeded, Failed or Cancelled action answers 200 with the action unchanged.',
    applies: finalNotTimeOut,
    rewrite: (_answer, x, kit) => kit.json(200, kit.entity(outcomeOf(x, 'refused-final')!.action)),
  },
  {
    name: 'error-without-code',
    seam: 'answer',
    breaks: ['SCHEMA.ERROR', 'AUTH.MISSING'],
    description: 'The bodies of 401 answers lack error.code.',
    applies: (x) => x.outcome.kind === 'refused' && x.outcome.error.status === 401,
    rewrite: (answer) =>
      editBody(answer, (body) => {
        delete (body['error'] as Record<string, unknown>)['code'];
      }),
  },
  {
    name: 'unauthorized-wrong-code',
    seam: 'answer',
    breaks: ['AUTH.MISSING'],
    description:
      "A 401 carries code 'InvalidAuthenticationToken' (Microsoft Graph's) instead of 'Unauthorized'.",
    applies: (x) => x.outcome.kind === 'refused' && x.outcome.error.status === 401,
    rewrite: (answer) =>
      editBody(answer, (body) => {
        (body['error'] as Record<string, unknown>)['code'] = 'InvalidAuthenticationToken';
      }),
  },
  {
    name: 'no-versioned-list',
    seam: 'answer',
    breaks: ['PATH.VERSIONED'],
    description: 'The list under /api/v1.0 answers 404 NotFound; get and cancel are served there.',
    applies: (x) => x.versioned && x.operationId === LIST,
    rewrite: (_answer, _x, kit) => kit.error('NotFound', 'No route under /api/v1.0 for the list.', 404),
  },
  {
    name: 'date-not-rfc3339',
    seam: 'answer',
    breaks: ['SCHEMA.ENTITY'],
    description: "lastUpdateDateTimeUtc is written like '11/26/2026 10:00:00 PM'.",
    applies: (x) => x.outcome.kind !== 'refused',
    rewrite: (answer) => {
      if (answer.status >= 300) return answer;
      for (const entity of entitiesOf(answer.body))
        entity['lastUpdateDateTimeUtc'] = toUsDateTime(Date.parse(String(entity['lastUpdateDateTimeUtc'])));
      return answer;
    },
  },
] as const satisfies readonly AnswerFault[];
