import type { ApiClient } from './api-client.ts';
import type { Exchange } from './exchange.ts';
import { MAX_PAGES, nextPage } from './next-page.ts';
import type { RequestOptions } from './request-options.ts';

// Each answer of a list under `query`, page after page through `@odata.nextLink` (a tenant may page,
// even answer an empty page with a link to the next: docs/contract.md#list-order). Stops after an
// answer that is not a 200, the last page, or MAX_PAGES; the caller stops earlier once it has found.
export async function* listPages(
  api: ApiClient,
  query: Record<string, string | number | boolean>,
  opts: RequestOptions = {},
): AsyncGenerator<Exchange> {
  let res = await api.list(query, opts);
  for (let page = 1; ; page++) {
    yield res;
    const next = res.status === 200 ? nextPage(res.body, api.baseUrl, res.url) : undefined;
    if (!next || page >= MAX_PAGES) return;
    res = await api.listNext(next, opts);
  }
}
