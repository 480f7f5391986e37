import type { Answer } from '../http/answer.ts';
import { LIST, on } from './exchange-filters.ts';
import type { AnswerFault } from './fault-entry.ts';

// Faults of a response cache in front of the list (the answer seam): an output cache that varies by
// the URL and not by the caller's tenant.

// The last answer per URL and the tenant it was made for. Only URLs naming an action id are kept, so
// every emulator of a process keeps its own (the ids are random GUIDs).
const byUrl = new Map<string, { tenantId: string; answer: Answer }>();

// The answer kept for `url` when another tenant's call filled it; else this one, kept for its tenant.
function sharedAnswer(url: string, tenantId: string, answer: Answer): Answer {
  const kept = byUrl.get(url);
  if (kept && kept.tenantId !== tenantId) return structuredClone(kept.answer);
  byUrl.set(url, { tenantId, answer: structuredClone(answer) });
  return answer;
}

// A $filter that names the id field (id eq '...', id in (...)); machineId does not count.
const namesId = (url: string | undefined) => /\bid(?:%20|\+|\s)+(?:eq|in)\b/i.test(url ?? '');

export const LIST_CACHE_FAULTS = [
  {
    // Clients poll an action by listing it by id (docs/contract.md#list); every list of another
    // tenant's action was a URL its own tenant had never asked.
    name: 'list-by-id-cached-across-tenants',
    seam: 'answer',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list filtered by id is answered from a cache keyed by its URL alone: a caller asking a URL another tenant asked last gets that tenant's page; its own tenant's calls, and lists not filtered by id, are listed afresh.",
    applies: (x) => on(LIST, 'listed')(x) && namesId(x.url) && x.tenantId !== undefined,
    rewrite: (answer, x) => sharedAnswer(x.url!, x.tenantId!, answer),
  },
] as const satisfies readonly AnswerFault[];
