import { Agent, type Dispatcher, request } from 'undici';
import { isLoopback } from '../config/hosts.ts';
import { describeFetchError } from './fetch-error.ts';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

// Why an exchange was lost; the caller names the exchange.
export class WireLoss extends Error {
  override readonly name = 'WireLoss';
}

// Kept-alive connections: the rate tests send well over a thousand calls per target. An idle one is
// closed after IDLE_MS: a self-test worker meets 59 emulators in turn, and holding every connection it
// opened (about 9,000 sockets a worker by the end) failed the whole self-test under a 4,096 file limit.
// A burst's calls and a test's next call come within milliseconds.
const IDLE_MS = 500;
// undici, not node:http: a round trip to a bare server in the same process cost 0.067 against 0.100 ms
// of CPU (Node 24, warmed up), and a self-test makes about 100,000 of them.
// Loopback answers within microseconds: a few connections carry a burst of 100 as fast as 100 do,
// without a connect and a close each in the emulator and here. Elsewhere a burst goes out together.
const LOOPBACK_CONNECTIONS = 8;
const REMOTE_CONNECTIONS = 128;
const agents = new Map<string, Agent>();

// One agent per kind of peer and extra certificate authority (the HTTPS emulator's own certificate).
function agentFor(url: URL, ca: string | undefined): Dispatcher {
  const loopback = isLoopback(url.hostname);
  const key = `${loopback}\u0000${ca ?? ''}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({
      connections: loopback ? LOOPBACK_CONNECTIONS : REMOTE_CONNECTIONS,
      keepAliveTimeout: IDLE_MS,
      keepAliveMaxTimeout: IDLE_MS,
      ...(ca ? { connect: { ca } } : {}),
    });
    agents.set(key, agent);
  }
  return agent;
}

export interface RawRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  // No answer (or no further byte of it) for this long: the exchange is lost.
  timeoutMs: number;
  // Extra certificate authorities to trust (the HTTPS emulator's self-signed certificate).
  ca?: string;
}

// Sends exactly the given headers. Playwright's request context always adds a Content-Type to a body,
// so a body without one (HDR.NOCONTENTTYPE) goes through here, and so do loopback targets, where the
// request context's per-call overhead (tracing, protocol round trips) would dominate.
export async function sendRaw(raw: RawRequest): Promise<RawResponse> {
  const { url, method, headers, body, timeoutMs, ca } = raw;
  const target = new URL(url);
  let answer: Dispatcher.ResponseData;
  try {
    answer = await request(target, {
      method: method as Dispatcher.HttpMethod,
      headers,
      ...(body !== undefined ? { body } : {}),
      dispatcher: agentFor(target, ca),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT') throw new WireLoss(`no answer within ${seconds(timeoutMs)}`);
    throw new WireLoss(describeFetchError(error), { cause: error });
  }
  return {
    status: answer.statusCode,
    headers: flatHeaders(answer.headers),
    text: await readBody(answer, timeoutMs),
  };
}

async function readBody(answer: Dispatcher.ResponseData, timeoutMs: number): Promise<string> {
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of answer.body) {
      chunks.push(chunk as Buffer);
      received += (chunk as Buffer).length;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'UND_ERR_BODY_TIMEOUT')
      throw new WireLoss(`the answer stalled after ${received} bytes for ${seconds(timeoutMs)}`);
    // A body cut short: the connection closed before Content-Length bytes or the last chunk arrived.
    const declared = answer.headers['content-length'];
    const how = declared
      ? `the answer ended after ${received} of ${declared} bytes`
      : `the answer ended after ${received} bytes, before its last chunk`;
    throw new WireLoss(how, { cause: error });
  }
  return Buffer.concat(chunks).toString('utf8');
}

function flatHeaders(raw: Dispatcher.ResponseData['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
