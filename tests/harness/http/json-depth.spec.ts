import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isJsonNestedTooDeep, MAX_JSON_DEPTH } from '../../../src/common/json-depth.ts';
import { ControlClient } from '../../../src/harness/drivers/emulator/control-client.ts';
import { ControlProtocolError } from '../../../src/harness/errors.ts';
import { parseJson } from '../../../src/harness/http/exchange.ts';
import { checkExchange } from '../../../src/harness/http/exchange-checks.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { answer } from '../stand-ins/answers.ts';

// A target answering `[[[[...]]]]` a million deep (2 MB) ran the suite out of stack: every test read
// ERROR ("RangeError: Maximum call stack size exceeded"), never the target's FAIL.
const DEEP = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

test('JSON nested deeper than any answer is told apart in one pass, brackets in strings not counted', () => {
  expect(isJsonNestedTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
  expect(isJsonNestedTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  expect(isJsonNestedTooDeep(JSON.stringify({ comment: '['.repeat(500), quoted: '\\"[[[' }))).toBe(false);
  expect(isJsonNestedTooDeep(DEEP)).toBe(true);
  // An escaped quote does not end a string: a message quoting '"' then brackets is text, not nesting.
  expect(isJsonNestedTooDeep(JSON.stringify({ message: `"${'['.repeat(100)}` }))).toBe(false);
});

test('an API answer nested a million deep is a schema violation of the target, not a suite error', () => {
  const exchange = { ...answer(200, undefined), text: DEEP, body: parseJson(DEEP) };
  expect(exchange.body).toBeUndefined();
  expect(checkExchange(exchange).map((v) => v.text)).toEqual([
    `GET /api/machineactions/{id} → 200: body is JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no answer of the API is`,
  ]);
});

test('a control answer nested a million deep says so, naming the URL', async () => {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(DEEP));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const error = await new ControlClient(url, 5_000).clock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ControlProtocolError);
    expect((error as ControlProtocolError).message).toContain(
      `${url}/_emulator/clock answered 200: the body is JSON nested deeper than ${MAX_JSON_DEPTH} levels`,
    );
  } finally {
    server.close();
  }
});

test('a short answer nested past the limit is parsed, for the schema to judge: it cannot exhaust the stack', () => {
  expect(parseJson(nested(MAX_JSON_DEPTH + 10))).toEqual(JSON.parse(nested(MAX_JSON_DEPTH + 10)));
});
