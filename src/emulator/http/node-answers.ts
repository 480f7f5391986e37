import type { Server } from 'node:http';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { entraHttpRefusalAnswer } from '../identity/entra-error.ts';
import { rawAnswer } from './client-errors.ts';
import { httpDateAt } from './date-header.ts';
import { errorAnswer } from './error-answer.ts';
import { answerPlainHttpOnTls } from './plain-http-on-tls.ts';
import type { RouteTable } from './route-table.ts';

// Requests Node's HTTP server answers by itself, before any route: an Expect other than 100-continue
// (a bare 417 with no body), CONNECT, and on an HTTPS port a plain-HTTP request (both: the connection
// closed with no answer at all). All are answered in the envelope instead, saying what is wrong.
export function installNodeAnswers(server: Server, ctx: EmulatorContext, routes: RouteTable): void {
  answerPlainHttpOnTls(server, (origin) =>
    rawAnswer(
      ctx,
      new WireError(
        'BadRequest',
        `This port speaks HTTPS, not plain HTTP: send the request to ${origin}, trusting the certificate the emulator printed at start (NODE_EXTRA_CA_CERTS=<its file> for Node).`,
      ),
    ),
  );
  server.on('checkExpectation', (request, response) => {
    const detail = 'The Expect header is not met: send none, or Expect: 100-continue.';
    const nowMs = ctx.clock.now();
    // The token endpoint refuses in Entra's shape, which MSAL reads (docs/emulator.md#token-errors).
    const path = (request.url ?? '').split('?')[0]!;
    let answer: { status: number; headers: Record<string, string>; payload: string };
    if (routes.isEntra(path)) {
      const entra = entraHttpRefusalAnswer(417, detail, nowMs, request.headers['client-request-id']);
      answer = { status: entra.status, headers: entra.headers, payload: entra.body };
    } else {
      const envelope = errorAnswer(ctx, new WireError('ExpectationFailed', detail), false);
      const payload = envelope.text ?? JSON.stringify(envelope.body);
      answer = { status: envelope.status, headers: envelope.headers, payload };
    }
    response.writeHead(answer.status, {
      ...answer.headers,
      date: httpDateAt(nowMs),
      'content-length': Buffer.byteLength(answer.payload),
    });
    response.end(Buffer.from(answer.payload)); // bytes: see send-answer.ts
  });
  server.on('connect', (_request, socket) => {
    const error = new WireError('MethodNotAllowed', 'CONNECT is not served: the emulator is no proxy.');
    socket.end(rawAnswer(ctx, error));
  });
}
