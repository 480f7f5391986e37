import { outcomeOf } from '../http/answer.ts';
import { editBody } from './answer-edits.ts';
import { CANCEL, foreign, GET, LIST, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';
import { appAnswerOf, firstAnswerOf, forgetAppAnswer } from './kept-answers.ts';

// Faults of what a read answers (under /api unless one says otherwise; the answer seam), the stored
// action being right: the reads a client polls to see what its cancel did.
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
  {
    // A cache per caller whose entries only the caller's own writes evict: every read after a cancel
    // was by the app that cancelled (or by one that never read the action before), so each was fresh.
    name: 'get-cached-per-app',
    seam: 'answer',
    breaks: ['CANCEL.PERSIST'],
    description:
      "A GET under /api answers each app an action as it first read it, until that app's own cancel changes it (a response cache kept per caller, evicted by the writer's call alone): an app that read an action before another app cancelled it keeps reading it as it was.",
    applies: (x) =>
      !x.versioned && x.appId !== undefined && (on(GET, 'found')(x) || on(CANCEL, 'cancelled')(x)),
    rewrite: (answer, x) => {
      const read = outcomeOf(x, 'found')?.action;
      if (read) return appAnswerOf(read, x.appId!, answer);
      forgetAppAnswer(outcomeOf(x, 'cancelled')!.before, x.appId!);
      return answer;
    },
  },
  {
    // A serializer that writes 64-bit integers as text (protobuf's JSON mapping does; OData only when
    // the client asks with IEEE754Compatible=true): the count is an Edm.Int64.
    name: 'list-count-as-text',
    seam: 'answer',
    breaks: ['SCHEMA.ENTITY'],
    description:
      'A list asked for $count=true writes @odata.count as a JSON string ("3"); its rows, and a list without $count, are right.',
    applies: (x) => on(LIST, 'listed')(x) && outcomeOf(x, 'listed')!.total !== undefined,
    rewrite: (answer, x) =>
      editBody(answer, (body) => (body['@odata.count'] = String(outcomeOf(x, 'listed')!.total))),
  },
  {
    // An OData layer whose query errors are written by the framework, not the API: the list was only
    // ever sent filters it takes, so no test saw the body of its 400.
    name: 'list-odata-error-stock-body',
    seam: 'answer',
    breaks: ['SCHEMA.ERROR'],
    description:
      'A list whose query options cannot be read (a $filter that is no OData expression) answers 400 with ASP.NET\'s stock {"Message": ...} body, not the error envelope; a list it can read is answered right.',
    applies: (x) =>
      x.operationId === LIST && x.outcome.kind === 'refused' && x.outcome.error.code === 'ODataError',
    rewrite: (answer) => ({
      ...answer,
      body: { Message: 'The query specified in the URI is not valid.' },
    }),
  },
  {
    // The read routes' own authorization filter, whose refusal the framework words: every read the
    // suite made held a read role, so no test saw the body of a read's 403.
    name: 'read-forbidden-stock-body',
    seam: 'answer',
    breaks: ['SCHEMA.ERROR'],
    description:
      'A GET or a list by an app holding no read role answers 403 with ASP.NET\'s stock {"Message": ...} body, not the error envelope; a cancel\'s 403 is the envelope.',
    applies: (x) =>
      (x.operationId === GET || x.operationId === LIST) &&
      x.outcome.kind === 'refused' &&
      x.outcome.error.code === 'Forbidden',
    rewrite: (answer) => ({
      ...answer,
      body: { Message: 'Authorization has been denied for this request.' },
    }),
  },
  {
    // A read route whose lookup finds the action and whose tenant check then refuses it under a code
    // of its own: the 404 tells a stranger the id exists. CANCEL.TENANT judged its status alone.
    name: 'tenant-get-404-own-code',
    seam: 'answer',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET of another tenant's action answers 404 with code 'DisallowedOperation' (a tenant check after the lookup, telling that the id exists), under /api and /api/v1.0; a GET of an id no tenant has answers 404 NotFound.",
    applies: (x) => x.operationId === GET && foreign(x),
    rewrite: (_answer, _x, kit) =>
      kit.error('DisallowedOperation', 'The action belongs to another tenant.', 404),
  },
] as const satisfies readonly AnswerFault[];
