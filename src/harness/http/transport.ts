import type { APIRequestContext } from '@playwright/test';
import { isLoopback } from '../config/hosts.ts';
import { answerTooLarge, MAX_ANSWER_BYTES } from './answer-limit.ts';
import { type RawResponse, sendRaw, WireLoss } from './raw-request.ts';
import type { RecordMode } from './recorder.ts';

// How a target is reached over HTTP; the same for every client of one target.
export interface HttpSettings {
  // Playwright's request context, made on first use: only remote targets need one (proxy and TLS
  // settings), loopback targets go through the lean client.
  request: () => Promise<APIRequestContext>;
  // How long one exchange may take before it counts as lost (MDE_REQUEST_TIMEOUT_SECONDS).
  timeoutMs: number;
  // 'quiet' checks every exchange but attaches none; a request's own `record` wins.
  exchanges?: RecordMode;
  // Extra certificate authority to trust (the HTTPS emulator's own certificate).
  ca?: string;
}

export interface Transmission {
  url: string;
  method: string;
  headers: Record<string, string>;
  text?: string;
  // The Content-Type the caller chose; null means a body goes without one.
  contentType: string | null;
  // true: the request goes without Accept, which Playwright's request context would add.
  withoutAccept?: boolean;
  // A bulk call whose exchange is not attached (the rate tests' bursts).
  quiet: boolean;
}

// Loopback targets (emulators) get a lean kept-alive HTTP client: the self-test sends tens of
// thousands of calls. Remote targets go through Playwright's request context (proxy and TLS settings).
export function isLean(baseUrl: string): boolean {
  return isLoopback(new URL(baseUrl).hostname);
}

// The codings Playwright's request context undoes as every target may send them. It offers "deflate"
// by default but inflates only the zlib-wrapped form, and a server that deflates raw (as some do, and
// as the lean client accepts: content-coding.ts) then lost every exchange of a remote target, a real
// tenant's, to "failed to decompress". Not offering deflate keeps such a server to gzip or br.
const PLAYWRIGHT_CODINGS = 'gzip, br';

// Sends one request and reads its whole answer; throws when the exchange is lost.
export async function transmit(http: HttpSettings, lean: boolean, t: Transmission): Promise<RawResponse> {
  const { url, method, headers, text } = t;
  const { timeoutMs, ca } = http;
  // The lean client sends exactly the headers given (a body without Content-Type stays without one, a
  // request without Accept too: Playwright's adds one).
  const bare = (text !== undefined && t.contentType === null) || t.withoutAccept === true;
  if (lean || bare || t.quiet)
    return sendRaw({ url, method, headers, ...(text !== undefined ? { body: text } : {}), timeoutMs, ca });
  const response = await (await http.request()).fetch(url, {
    method,
    headers: { 'accept-encoding': PLAYWRIGHT_CODINGS, ...headers },
    ...(text !== undefined ? { data: Buffer.from(text) } : {}),
    failOnStatusCode: false,
    maxRedirects: 0,
    timeout: timeoutMs,
  });
  // Playwright has read (and decoded) the whole body by now, but only hands it over on request: a
  // declared size over the cap is refused before the copy, an undeclared one after it, before the text.
  try {
    const headers = response.headers();
    const declared = Number(headers['content-length']);
    if (declared > MAX_ANSWER_BYTES) throw new WireLoss(answerTooLarge('declared', String(declared)));
    const body = await response.body();
    if (body.length > MAX_ANSWER_BYTES) throw new WireLoss(answerTooLarge('received'));
    return { status: response.status(), headers, text: body.toString('utf8') };
  } finally {
    // The request context would otherwise keep every body until it is closed.
    await response.dispose();
  }
}
