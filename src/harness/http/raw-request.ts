import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type IdleDeadline, idleDeadline } from '../../common/idle-deadline.ts';
import { answerTooLarge, MAX_ANSWER_BYTES } from './answer-limit.ts';
import { ACCEPTED_CODINGS, decodeBody } from './content-coding.ts';
import { describeFetchError } from './fetch-error.ts';
import { loopbackLookupFor } from './loopback-lookup.ts';

export interface RawResponse {
  status: number;
  // As received: a Content-Encoding stays, though `text` is decoded.
  headers: Record<string, string>;
  text: string;
}

// Why an exchange was lost; the caller names the exchange.
export class WireLoss extends Error {
  override readonly name = 'WireLoss';
}

// Lost because nothing (or nothing more) came within the timeout: a slow target, not only a dead one.
export class WireTimeout extends WireLoss {}

// Kept-alive connections: the rate tests send well over a thousand calls per target. An idle one is
// closed after IDLE_MS: a self-test worker meets 59 emulators in turn, and holding every connection it
// opened (about 9,000 sockets a worker by the end) failed the whole self-test under a 4,096 file limit.
// A burst's calls and a test's next call come within milliseconds.
const IDLE_MS = 500;
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 128, timeout: IDLE_MS }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 128, timeout: IDLE_MS }),
};

// The client cannot tell the two causes apart: a target that closes a connection on a request it
// failed to handle (a handler that raised, on any call but a connection's first) was told only to
// keep idle connections open, and looked for the fault in the wrong place. The fix is the closing
// sentence, under 100 characters with its pointer: a report's line cut to fit keeps it (reason-line.ts).
export const KEPT_ALIVE_CLOSED = `connection closed with no answer as the request reused a kept-alive connection: the target dropped the request, or closed the connection as idle within ${IDLE_MS / 1000} s (send Connection: close, or keep it open longer). Answer every request; keep idle connections open over 1 s (docs/interfaces.md#emulator-surface)`;

export interface RawRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  // No answer (or no further byte of it) for this long: the exchange is lost. Time this process spent
  // busy does not count (idle-deadline.ts).
  timeoutMs: number;
  // Extra certificate authorities to trust (the HTTPS emulator's self-signed certificate).
  ca?: string;
}

// Sends the given headers and no other but Accept-Encoding (what decodeBody undoes). Playwright's
// request context always adds a Content-Type to a body, so a body without one (HDR.NOCONTENTTYPE) goes
// through here, and so do loopback targets, where the request context's per-call overhead (tracing,
// protocol round trips) would dominate.
export function sendRaw(request: RawRequest): Promise<RawResponse> {
  const { url, method, headers, body, timeoutMs, ca } = request;
  const target = new URL(url);
  const https = target.protocol === 'https:';
  const send = https ? httpsRequest : httpRequest;
  // A loopback name (localhost) is connected to only where it resolves to this machine.
  const lookup = loopbackLookupFor(target.hostname);
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method,
        headers: {
          'accept-encoding': ACCEPTED_CODINGS,
          ...headers,
          ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
        // A custom CA needs its own agent; loopback HTTPS with the emulator's certificate is rare.
        ...(ca ? { ca } : { agent: https ? agents.https : agents.http }),
        ...(lookup ? { lookup } : {}),
      },
      (res) => {
        unanswered?.stop();
        readAnswer(res, timeoutMs).then(resolve, reject);
      },
    );
    // Counted from when the request has a socket, as Node's own request timeout was: a request queued
    // behind the agent's busy sockets has sent nothing yet. Not Node's timeout: it cannot give back
    // the time this process spent busy (idle-deadline.ts).
    let unanswered: IdleDeadline | undefined;
    req.once('socket', () => {
      unanswered = idleDeadline(timeoutMs, () =>
        req.destroy(new WireTimeout(`no answer within ${seconds(timeoutMs)}`)),
      );
    });
    req.once('close', () => unanswered?.stop());
    req.on('error', (error) => {
      if (error instanceof WireLoss) return reject(error);
      // A kept-alive connection closed (FIN, no byte of an answer) as a request reused it: the classic
      // race of a server closing idle connections sooner than the client stops reusing them, or a
      // server that dropped this request (KEPT_ALIVE_CLOSED says both).
      const keptAlive = req.reusedSocket && error.message === 'socket hang up';
      reject(new WireLoss(keptAlive ? KEPT_ALIVE_CLOSED : describeFetchError(error), { cause: error }));
    });
    req.end(body);
  });
}

// The whole answer, its content coding undone; lost (WireLoss) past MAX_ANSWER_BYTES, received or
// decoded, rather than held until the worker runs out of memory.
function readAnswer(res: IncomingMessage, timeoutMs: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let received = 0;
    const refuse = (reason: string) => {
      chunks = [];
      reject(new WireLoss(reason));
      res.destroy();
    };
    const stalled = idleDeadline(timeoutMs, () =>
      res.destroy(new WireTimeout(`the answer stalled after ${received} bytes for ${seconds(timeoutMs)}`)),
    );
    // And the whole answer, never restarted: one trickled a byte at a time never stalls, and held its
    // test (or the preflight) until that gave up, naming no exchange. Busy time is given back as above.
    const unended = idleDeadline(timeoutMs, () =>
      res.destroy(
        new WireTimeout(`the answer did not end within ${seconds(timeoutMs)} (${received} bytes came)`),
      ),
    );
    res.on('data', (chunk: Buffer) => {
      stalled.restart();
      received += chunk.length;
      if (received > MAX_ANSWER_BYTES) return refuse(answerTooLarge('received'));
      chunks.push(chunk);
    });
    res.once('close', () => {
      stalled.stop();
      unended.stop();
    });
    res.on('end', () => {
      stalled.stop();
      unended.stop();
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      const decoded = decodeBody(Buffer.concat(chunks), headers['content-encoding'], MAX_ANSWER_BYTES);
      if ('tooLarge' in decoded) return refuse(answerTooLarge('decoded', decoded.tooLarge));
      resolve({ status: res.statusCode ?? 0, headers, text: decoded.bytes.toString('utf8') });
    });
    // A body cut short: the connection closed before Content-Length bytes or the last chunk arrived.
    const cutShort = (cause?: unknown) => {
      if (cause instanceof WireLoss) return reject(cause);
      if (res.complete) return;
      const declared = res.headers['content-length'];
      const how = declared
        ? `the answer ended after ${received} of ${declared} bytes`
        : `the answer ended after ${received} bytes, before its last chunk`;
      reject(new WireLoss(how, { cause }));
    };
    res.on('close', () => cutShort());
    res.on('error', (error) => cutShort(error));
    // Refused before a byte is read when the answer says how large it is.
    const declared = Number(res.headers['content-length']);
    if (declared > MAX_ANSWER_BYTES) refuse(answerTooLarge('declared', String(declared)));
  });
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
