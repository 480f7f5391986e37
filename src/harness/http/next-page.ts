// A list may come in pages, each naming the next in `@odata.nextLink` (OData v4; whether the service
// pages is open, docs/contract.md#list-order). The link is followed only on the API's own origin: the
// caller's token goes nowhere else, whatever a target answers.
//
// OData lets a payload's URLs be relative (OData JSON Format 4.0, section 4.3 "Relative URLs"), read
// against the payload's context URL or, with none, the request's URL. Read against the API's origin
// instead, a link `machineactions?$skiptoken=2` named a path the API does not serve: the rest of a
// device's list went unread (CANCEL.PERSIST N/A for a lawful target) and a tenant's look for a final
// action ended without a verdict. `requestUrl` is the URL the page was asked at.
export function nextPage(body: unknown, apiBaseUrl: string, requestUrl?: string): string | undefined {
  const link = (body as { '@odata.nextLink'?: unknown } | null | undefined)?.['@odata.nextLink'];
  if (typeof link !== 'string' || link === '') return undefined;
  try {
    const url = new URL(link, baseOf(body, requestUrl ?? apiBaseUrl));
    return url.origin === new URL(apiBaseUrl).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// The base a relative link is read against: the payload's context URL when it is an absolute URL, else
// the request's URL. The context's path, on the origin the page was asked at: a scale unit's host may
// stand in it (api-us3.securitycenter.microsoft.com for a call to api.security.microsoft.com), and a
// link relative to it then named a host the caller's token never goes to, so the pages went unread.
function baseOf(body: unknown, requestUrl: string): string {
  const context = (body as { '@odata.context'?: unknown } | null | undefined)?.['@odata.context'];
  if (typeof context !== 'string' || !URL.canParse(context)) return requestUrl;
  const base = new URL(context);
  const asked = new URL(requestUrl);
  base.protocol = asked.protocol;
  base.host = asked.host;
  return base.href;
}

// How many pages a look at a device's actions reads at most: each is a call of the list's quota.
export const MAX_PAGES = 20;

// Whether a page names a next one at all, followed or not: a look that ends on such a page (its link
// on another origin, or MAX_PAGES read) has not seen the whole list, and must not conclude "none".
export function linksOn(body: unknown): boolean {
  const link = (body as { '@odata.nextLink'?: unknown } | null | undefined)?.['@odata.nextLink'];
  return typeof link === 'string' && link !== '';
}
