import { reasonLine } from '../../src/reporters/reason-line.ts';
import { expect, test } from '../helpers/api-test.ts';

test.describe('one-line reasons', () => {
  test('an expect failure becomes "expected X, got Y" after the test title, without stack or colours', () => {
    const message =
      '\u001b[31mError: expect(received).toBe(expected) // Object.is equality\u001b[39m\n\nExpected: 400\nReceived: 200\n    at /x.spec.ts:3:4';
    expect(reasonLine(message, 'cancel of a Succeeded action is rejected')).toBe(
      'cancel of a Succeeded action is rejected: expected 400, got 200',
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
});
