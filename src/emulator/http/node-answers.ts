import type { Server } from 'node:http';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { rawAnswer } from './client-errors.ts';
import { httpDateAt } from './date-header.ts';
import { answerPlainHttpOnTls } from './plain-http-on-tls.ts';
import { errorAnswer } from './render-answer.ts';

// Requests Node's HTTP server answers by itself, before any route: an Expect other than 100-continue
// (a bare 417 with no body), CONNECT, and on an HTTPS port a plain-HTTP request (both: the connection
// closed with no answer at all). All are answered in the envelope instead, saying what is wrong.
export function installNodeAnswers(server: Server, ctx: EmulatorContext): void {
  answerPlainHttpOnTls(server, (origin) =>
    rawAnswer(
      ctx,
      new WireError(
        'BadRequest',
        `This port speaks HTTPS, not plain HTTP: send the request to ${origin}, trusting the certificate the emulator printed at start (NODE_EXTRA_CA_CERTS=<its file> for Node).`,
      ),
    ),
  );
  server.on('checkExpectation', (_request, response) => {
    const error = new WireError(
      'ExpectationFailed',
      'The Expect header is not met: send none, or Expect: 100-continue.',
    );
    const answer = errorAnswer(ctx, error, false);
    const payload = answer.text ?? JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      ...answer.headers,
      date: httpDateAt(ctx.clock.now()),
      'content-length': Buffer.byteLength(payload),
    });
    response.end(Buffer.from(payload)); // bytes: see send-answer.ts
  });
  server.on('connect', (_request, socket) => {
    const error = new WireError('MethodNotAllowed', 'CONNECT is not served: the emulator is no proxy.');
    socket.end(rawAnswer(ctx, error));
  });
}
