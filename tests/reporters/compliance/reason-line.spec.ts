import { ControlProtocolError } from '../../../src/harness/errors.ts';
import { KEPT_ALIVE_CLOSED } from '../../../src/harness/http/raw-request.ts';
import { reasonLine } from '../../../src/reporters/compliance/reason-line.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('one-line reasons', () => {
  test('an expect failure becomes "expected X, got Y" after the test title, without stack or colours', () => {
    const message =
      '\u001b[31mError: expect(received).toBe(expected) // Object.is equality\u001b[39m\n\nExpected: 400\nReceived: 200\n    at /x.spec.ts:3:4';
    expect(reasonLine(message, 'cancel of a Succeeded action is rejected')).toBe(
      'cancel of a Succeeded action is rejected: expected 400, got 200',
    );
  });

  test('a toContain failure says which held what, never calling the container what was seen', () => {
    // expect(allowed).toContain(seen): Playwright labels the value sought "Expected" and the list "Received".
    const message =
      'Error: status in the 200 body\n\nexpect(received).toContain(expected) // indexOf\n\nExpected value: "Canceled"\nReceived array: ["Pending", "InProgress", "Cancelled"]';
    expect(reasonLine(message)).toBe(
      'status in the 200 body: ["Pending", "InProgress", "Cancelled"] does not contain "Canceled"',
    );
    const not =
      'Error: expect(received).not.toContainEqual(expected) // deep equality\n\nExpected value: not "a"\nReceived array: ["a", "b"]';
    expect(reasonLine(not)).toBe('["a", "b"] contains "a"');
  });

  test('a toEqual failure says which members differed, expected and got', () => {
    // What Playwright prints for expect(after, message).toEqual(before): a diff, no "Expected:" line.
    const message = [
      'Error: GET afterwards shows the action as the refused call found it',
      '',
      'expect(received).toEqual(expected) // deep equality',
      '',
      '\u001b[32m- Expected  - 2\u001b[39m',
      '\u001b[31m+ Received  + 2\u001b[39m',
      '',
      '  Object {',
      '\u001b[32m-   "cancellationComment": null,\u001b[39m',
      '\u001b[31m+   "cancellationComment": "c",\u001b[39m',
      '    "id": "x",',
      '\u001b[32m-   "status": "Pending",\u001b[39m',
      '\u001b[31m+   "status": "Cancelled",\u001b[39m',
      '  }',
    ].join('\n');
    expect(reasonLine(message, 'a throttled cancel')).toBe(
      'a throttled cancel: GET afterwards shows the action as the refused call found it: ' +
        'members differ (expected → got): cancellationComment null → "c", status "Pending" → "Cancelled"',
    );
    // Anything but an object's members (an array's items) is said as it is.
    const items = message.replace(/"cancellationComment": /g, '').replace(/"status": /g, '');
    expect(reasonLine(items)).toBe(
      'GET afterwards shows the action as the refused call found it: expected null, "Pending"; got "c", "Cancelled"',
    );
  });

  test('a custom expect message is kept in front of the values', () => {
    expect(
      reasonLine(
        'Error: status of the cancel\n\nexpect(received).toBe(expected)\n\nExpected: 404\nReceived: 500',
      ),
    ).toBe('status of the cancel: expected 404, got 500');
  });

  test('long messages are cut to about 200 characters and secrets are redacted', () => {
    const line = reasonLine(`Error: ${'x'.repeat(300)}`);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line.endsWith('…')).toBe(true);
    const token = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.${'s'.repeat(20)}`;
    expect(reasonLine(`Error: sent Authorization: Bearer ${token}`)).not.toContain(token);
  });

  test('a long message keeps its closing pointer into the docs and loses its middle', () => {
    const pointer =
      'The emulator must implement the control protocol of docs/interfaces.md#control-protocol.';
    const line = reasonLine(
      `Error: http://127.0.0.1:9/control/clock answered 500: ${'y'.repeat(300)}. ${pointer}`,
    );
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:9\/control\/clock answered 500: y+… The emulator must/);
    expect(line.endsWith(pointer)).toBe(true);
  });

  // compliance.md's row and headline are all an emulator author sees of a broken control endpoint there:
  // a long test title once left "…: http://12… The emulator must implement the control protocol of
  // docs/…", naming neither the endpoint nor its answer. The title gives way first.
  test("a long title gives way to the error's URL, status and what was expected", () => {
    const title =
      'a cancel without Authorization answers 401 Unauthorized with the error envelope and changes nothing';
    const error = new ControlProtocolError(
      'http://127.0.0.1:4520/_emulator/machines',
      404,
      'expected 201; body {"error":"not here"}',
    );
    const line = reasonLine(error.message, title);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toMatch(/^a cancel without Authorization answers.*…: /);
    expect(line).toContain('http://127.0.0.1:4520/_emulator/machines answered 404: expected 201');
    expect(line).toMatch(/docs\/interfaces\.md#control-protocol says\.$/);
    // A short one is kept whole.
    expect(reasonLine('Error: boom', 'a short title')).toBe('a short title: boom');
  });

  // A Python emulator whose tokens carried fixed roles read "the token of an app r… The emulator must
  // answer as ...": the pointer its detail ends with, in parentheses, was not seen as one, and the
  // roles the token carried came last.
  test('a detail ending in its own docs pointer, in parentheses, keeps the roles the token carried', () => {
    const error = new ControlProtocolError(
      'http://127.0.0.1:18718/{tenantId}/oauth2/v2.0/token',
      200,
      "a token carries roles [Machine.Read.All] where its app was registered with [Machine.Scan, Machine.Read.All]; its roles claim must be exactly the app's roles (docs/interfaces.md#emulator-token-endpoint)",
    );
    expect(error.message).not.toContain('#control-protocol');
    const line = reasonLine(error.message, 'error bodies validate against the error envelope');
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toContain('oauth2/v2.0/token answered 200: a token carries roles [Machine.Read.All] where');
  });
});

// What the target did is the evidence a FAIL, WARN or ERROR row files; the title is listed beside it.
test.describe('a long reason keeps what was seen', () => {
  const longTitle =
    'a cancel without Authorization answers 401 Unauthorized with the error envelope and changes nothing';

  test('a matcher judgement after a long test title keeps its "got" value', () => {
    const judged =
      'POST /api/machineactions/{id}/cancel → 401: /error/code: expected one of ["Unauthorized"], got "InvalidAuthenticationToken"';
    const line = reasonLine(judged, longTitle);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toContain('got "InvalidAuthenticationToken"');
    expect(line).toContain('expected one of ["Unauthorized"]');
    expect(line.startsWith('a cancel without Authorization')).toBe(true);
  });

  test('a judgement too long even beside a short title keeps its closing "got" value', () => {
    const judged = `POST /api/machineactions/{id}/cancel → 200: /status: expected one of [${'"Pending",'.repeat(12)}"Cancelled"], got "Canceled"`;
    const line = reasonLine(judged, 'the 200 body of a cancel validates against MachineAction');
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line.endsWith('got "Canceled"')).toBe(true);
    expect(line.startsWith('the 200 body of a cancel')).toBe(true);
  });

  test('a control call lost mid-run says what was lost, not only where', () => {
    const lost = new ControlProtocolError(
      'http://127.0.0.1:4010/_emulator/machines',
      undefined,
      'connection refused',
    );
    const line = reasonLine(lost.message, longTitle);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line).toContain('http://127.0.0.1:4010/_emulator/machines did not answer: connection refused');
  });

  // An emulator author's walk (walk7) stopped the emulator mid-run: 28 rows read "... did not answer:
  // connection refused" and nothing said what to do; the preflight's own refusal says to check it runs.
  test('a control call refused mid-run says the emulator stopped, in the report line too', () => {
    const lost = new ControlProtocolError(
      'http://127.0.0.1:4010/_emulator/machines',
      undefined,
      'connection refused',
    );
    expect(lost.message).toContain(
      'connection refused: the emulator stopped listening; check that it still runs',
    );
    expect(reasonLine(lost.message, longTitle)).toContain(
      'the emulator stopped listening; check that it still runs',
    );
  });

  // A server that closes idle connections after 0.2 s (an emulator author's Python one): the hint of
  // the rate test's burst must not push what to fix out of the report's cut line.
  test('a call lost on a kept-alive connection keeps what to fix in the report line', () => {
    expect(
      reasonLine(
        `TransportError: POST /api/machineactions/{id}/cancel: ${KEPT_ALIVE_CLOSED}`,
        'no more than 1500 calls are served in an hour and call 1501 must wait past the minute',
      ),
    ).toContain(
      'Answer every request; keep idle connections open over 1 s (docs/interfaces.md#emulator-surface)',
    );
  });
});
