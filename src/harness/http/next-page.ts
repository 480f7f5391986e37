// A list may come in pages, each naming the next in `@odata.nextLink` (OData v4; whether the service
// pages is open, docs/contract.md#list-order). The link is followed only on the API's own origin: the
// caller's token goes nowhere else, whatever a target answers.
export function nextPage(body: unknown, apiBaseUrl: string): string | undefined {
  const link = (body as { '@odata.nextLink'?: unknown } | null | undefined)?.['@odata.nextLink'];
  if (typeof link !== 'string' || link === '') return undefined;
  try {
    const url = new URL(link, apiBaseUrl);
    return url.origin === new URL(apiBaseUrl).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// How many pages a look at a device's actions reads at most: each is a call of the list's quota.
export const MAX_PAGES = 20;

// Whether a page names a next one at all, followed or not: a look that ends on such a page (its link
// on another origin, or MAX_PAGES read) has not seen the whole list, and must not conclude "none".
export function linksOn(body: unknown): boolean {
  const link = (body as { '@odata.nextLink'?: unknown } | null | undefined)?.['@odata.nextLink'];
  return typeof link === 'string' && link !== '';
}
