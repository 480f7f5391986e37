import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { httpDateAt } from './date-header.ts';
import { errorAnswer } from './error-answer.ts';

// Requests Node's HTTP parser refuses (a URL or headers over its 16 KB, a malformed request line, a
// request that never finished arriving) reach no route: they are answered here, on the raw socket, in
// the same envelope as every other error, and the connection is closed (Fastify's clientErrorHandler).
export function clientErrorHandler(ctx: EmulatorContext) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    // A reset or destroyed connection has nobody to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    // Requests pipelined before the bad one are answered first: closing now lost their answers.
    afterAnswersInFlight(socket, () => {
      if (socket.writable && !answerStarted(socket)) socket.write(rawAnswer(ctx, toWireError(error)));
      // Soon, not at once: the answers before it may still be queued on the socket.
      socket.destroySoon();
    });
  };
}

function toWireError(error: NodeJS.ErrnoException): WireError {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return new WireError('RequestHeaderFieldsTooLarge', 'The URL and headers exceed 16 KB.');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new WireError('RequestTimeout');
  return new WireError('BadRequest', 'The request is not well-formed HTTP/1.1.');
}

// `_httpMessage` is where Node keeps the response being written on this connection; once it finishes,
// Node hands the connection to the next pipelined one (after our listener: hence setImmediate).
// A request still arriving (a bad chunk, a timeout) is the one refused: it is answered at once.
function afterAnswersInFlight(socket: Socket, then: () => void): void {
  const current = inFlight(socket);
  if (!current || current.writableFinished || current.req?.complete !== true) {
    then();
    return;
  }
  const next = () => {
    current.off('finish', next);
    socket.off('close', next);
    setImmediate(() => afterAnswersInFlight(socket, then));
  };
  current.once('finish', next);
  socket.once('close', next);
}

function inFlight(socket: Socket): ServerResponse | undefined {
  return (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage ?? undefined;
}

// Node's rule (the clientError event): once a response on this connection has sent its headers, any
// more bytes would corrupt it.
function answerStarted(socket: Socket): boolean {
  return inFlight(socket)?.headersSent === true;
}

export function rawAnswer(ctx: EmulatorContext, error: WireError): string {
  const answer = errorAnswer(ctx, error, false);
  const payload = answer.text ?? JSON.stringify(answer.body);
  const lines = [`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}`];
  lines.push(`date: ${httpDateAt(ctx.clock.now())}`);
  for (const name in answer.headers) lines.push(`${name}: ${answer.headers[name]}`);
  lines.push(`content-length: ${Buffer.byteLength(payload)}`, 'connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${payload}`;
}
