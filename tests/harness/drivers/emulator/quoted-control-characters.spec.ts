import { createServer, type Server } from 'node:http';
import { askControl } from '../../../../src/harness/drivers/emulator/control-request.ts';
import { answerExcerpt } from '../../../../src/harness/http/answer-excerpt.ts';
import { redactedExcerpt } from '../../../../src/harness/redaction/excerpt.ts';
import { expect, test } from '../../../helpers/api-test.ts';

// A target's answer is quoted in the lines the run prints and in compliance.md. A body of control
// characters (an ESC sequence that clears the screen, a NUL, a BEL, a carriage return) reached the
// terminal as it was, and made compliance.md a binary file that grep refuses; a bidirectional
// override reorders what a reader sees. Each is now written as its \uXXXX escape.
// biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be left is the point.
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const BODY = '\u001b[2J\u0000\u0007oops\r\nnext\u202eline\u009b1m';

test('a quoted answer shows its control characters as escapes, its lines as they were', () => {
  expect(redactedExcerpt(BODY, 200)).toBe('\\u001b[2J\\u0000\\u0007oops\nnext\\u202eline\\u009b1m');
  expect(answerExcerpt(BODY, 'application/json')).not.toMatch(RAW);
  expect(answerExcerpt('<html><body>\u001b[31mred</body></html>', 'text/html')).toBe(
    'an HTML page: \\u001b[31mred',
  );
});

test('an escape that does not fit is cut with the rest, and the cut is marked', () => {
  const excerpt = answerExcerpt(`${'x'.repeat(298)}\u0000\u0000`, 'application/json');
  expect(excerpt).toBe(`body ${'x'.repeat(298)}\\…`);
  expect(excerpt).not.toMatch(RAW);
});

test('a control endpoint answering control characters is named without them', async () => {
  let status = 200;
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(Buffer.from(BODY, 'utf8'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/_emulator/clock`;
  try {
    for (const answered of [200, 500]) {
      status = answered;
      const error = (await askControl(url, 'GET', undefined, 200, 3_000).catch((e: unknown) => e)) as Error;
      expect(error.message).toContain('\\u001b[2J');
      expect(error.message).not.toMatch(RAW);
    }
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
});
