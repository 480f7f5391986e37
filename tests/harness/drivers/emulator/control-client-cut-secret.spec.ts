import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import { redactedExcerpt } from '../../../../src/harness/redaction/excerpt.ts';
import { registerSecret } from '../../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { jsonStandIn, type StandIn } from '../../stand-ins/json-stand-in.ts';

// A broken control endpoint that quotes back the app it was sent: the error line keeps the first 300
// (or 200) characters of its answer, cut before redaction, so a secret the cut went through was no
// longer the registered value and its first part reached the line (and the reports).
const SECRET = 'FAKEappSecret_4k9Zq2xYw7vB';
let stand: StandIn;
let pad = 0;
test.beforeAll(async () => {
  stand = await jsonStandIn(({ url, body, res }) => {
    const at = body.indexOf(SECRET);
    const status = url.endsWith('/apps') ? 500 : 201;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(`${'x'.repeat(pad - at)}${body}`);
  });
});
test.afterAll(() => stand.close());

test('a secret the error line cuts short is hidden all the same', async () => {
  registerSecret(SECRET);
  // The secret begins 12 characters before the cut at 300.
  pad = 300 - 12;
  const app = { tenantId: 't', clientId: 'c', clientSecret: SECRET, roles: [] };
  const error = await new ControlClient(stand.url).registerApp(app).catch((e: Error) => e);
  expect(String(error)).toContain('expected 201');
  expect(String(error)).not.toContain(SECRET.slice(0, 12));
  takeNoVerdicts();
});

test('an excerpt is redacted before it is cut, whatever the length of the text', () => {
  registerSecret(SECRET);
  expect(redactedExcerpt(`"${SECRET}"`, 8)).toBe('"[REDACT');
  expect(redactedExcerpt(`${'y'.repeat(100_000)}${SECRET}`, 5)).toBe('yyyyy');
  expect(redactedExcerpt('short', 40)).toBe('short');
});
