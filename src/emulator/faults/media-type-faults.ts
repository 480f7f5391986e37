import type { Answer } from '../http/answer.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults of how JSON answers are labelled (the answer seam, as answer-faults.ts): the media type a
// client is told, whatever it asked for in Accept (docs/contract.md#json-media-type).

// JSON relabelled as text, OData's header dropped with it.
function labelledTextPlain(answer: Answer): Answer {
  delete answer.headers['odata-version'];
  answer.headers['content-type'] = 'text/plain; charset=utf-8';
  return answer;
}

export const MEDIA_TYPE_FAULTS = [
  {
    name: 'response-text-plain',
    seam: 'answer',
    breaks: ['SCHEMA.CONTENTTYPE'],
    description: 'JSON answers of the API are labelled text/plain.',
    applies: () => true,
    rewrite: labelledTextPlain,
  },
  {
    // Content negotiation that picks a text formatter first for a client asking for anything, as curl
    // and Python's requests do (Accept: */*): only a client naming JSON gets it labelled so.
    name: 'response-text-plain-unless-json-asked',
    seam: 'answer',
    breaks: ['SCHEMA.CONTENTTYPE'],
    description: 'JSON answers are labelled text/plain unless the request names application/json in Accept.',
    applies: (x) => !/application\/json/i.test(x.accept ?? ''),
    rewrite: labelledTextPlain,
  },
  {
    // Output formatters tried in order when no Accept narrows them, a text one first (ASP.NET Core's
    // string formatter): .NET's HttpClient sends no Accept unless told to.
    name: 'response-text-plain-without-accept',
    seam: 'answer',
    breaks: ['SCHEMA.CONTENTTYPE'],
    description:
      'JSON answers are labelled text/plain to a request with no Accept header; one naming any media type (*/* too) gets application/json.',
    applies: (x) => (x.accept ?? '').trim() === '',
    rewrite: labelledTextPlain,
  },
  {
    // A handler that returns its JSON already serialised, negotiated by ASP.NET Core's string formatter:
    // a client whose Accept lists text/plain (axios: application/json, text/plain, */*) is told text/plain.
    name: 'response-text-plain-when-text-accepted',
    seam: 'answer',
    breaks: ['SCHEMA.CONTENTTYPE'],
    description:
      "JSON answers are labelled text/plain when the request's Accept lists text/plain (as axios's default does); any other Accept, or none, gets application/json.",
    applies: (x) => /(^|[,\s])text\/plain/i.test(x.accept ?? ''),
    rewrite: labelledTextPlain,
  },
] as const satisfies readonly AnswerFault[];
