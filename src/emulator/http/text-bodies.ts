import { isUtf8 } from 'node:buffer';
import type { FastifyBodyParser, FastifyInstance } from 'fastify';

// Bodies arrive as text; http/request-body.ts and the token route decide what they accept. Bytes
// that are not UTF-8 are decoded with U+FFFD in their place, and marked: the API refuses them.
export function installTextBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.decorateRequest('bodyNotUtf8', false);
  const asText: FastifyBodyParser<Buffer> = (request, body, done) => {
    if (!isUtf8(body)) request.bodyNotUtf8 = true;
    done(null, body.toString('utf8'));
  };
  app.addContentTypeParser('*', { parseAs: 'buffer' }, asText);
  // The same parser, named: Fastify caches the parser it finds for a Content-Type, but not the
  // catch-all's, and would parse the header again on every call (about a twentieth of a cancel's CPU).
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, asText);
}
