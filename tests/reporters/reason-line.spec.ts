import { expect, test } from '@playwright/test';
import { classifyError } from '../../src/reporters/classify-error.ts';
import { reasonLine } from '../../src/reporters/reason-line.ts';

test.describe('error classification', () => {
  test('assertion failures are contract violations, including bounded waits that time out', () => {
    expect(classifyError('Error: expect(received).toBe(expected)\n\nExpected: 404\nReceived: 200')).toBe(
      'contract-violation',
    );
    expect(classifyError('Error: expect.poll: Timeout 5000ms exceeded while waiting')).toBe(
      'contract-violation',
    );
  });

  test('configuration and connection problems are target-unreachable', () => {
    expect(classifyError('ConfigError: MDE_API_BASE_URL is not a URL')).toBe('target-unreachable');
    expect(classifyError('TargetUnreachableError: http://127.0.0.1:1: down. Start it.')).toBe(
      'target-unreachable',
    );
    expect(classifyError('apiRequestContext.post: connect ECONNREFUSED 127.0.0.1:4010')).toBe(
      'target-unreachable',
    );
    expect(classifyError('apiRequestContext.get: Timeout 30000ms exceeded.')).toBe('target-unreachable');
    expect(classifyError('Test timeout of 30000ms exceeded.')).toBe('target-unreachable');
  });

  test('the harness naming its own error wins over an expect() further down the text', () => {
    expect(classifyError('TargetUnreachableError: token endpoint down\nexpect(x)')).toBe(
      'target-unreachable',
    );
  });

  test('anything else thrown is a suite error', () => {
    expect(classifyError("TypeError: Cannot read properties of undefined (reading 'id')")).toBe(
      'suite-error',
    );
  });
});

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

  test('a contract matcher failure names the exchange and the first problem, not the matcher hint', () => {
    const message = [
      'Error: expect(exchange).toBeErrorEnvelope(expected)',
      '',
      'POST /api/machineactions/{id}/cancel → 500 (http://127.0.0.1:4010/api/machineactions/x/cancel)',
      'Expected: a 4xx status with the error envelope',
      'Problems:',
      '  status: expected a 4xx status, got 500',
      'Response body (redacted, first 1000 characters):',
    ].join('\n');
    expect(reasonLine(message, 'cancel of a Succeeded action is refused')).toBe(
      'cancel of a Succeeded action is refused: POST /api/machineactions/{id}/cancel → 500: status: expected a 4xx status, got 500',
    );
  });

  test('long messages are cut to about 200 characters and secrets are redacted', () => {
    const line = reasonLine(`Error: ${'x'.repeat(300)}`);
    expect(line.length).toBeLessThanOrEqual(200);
    expect(line.endsWith('…')).toBe(true);
    const token = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.${'s'.repeat(20)}`;
    expect(reasonLine(`Error: sent Authorization: Bearer ${token}`)).not.toContain(token);
  });
});
