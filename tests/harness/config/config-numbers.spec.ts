import { loadConfig } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { problems } from './config-env.ts';

// A number variable takes a decimal number as a person writes it. Ajv's coercion alone would take
// "0x10" as 16 and "0b1" as 1 (JavaScript's Number()), so a typo'd or pasted value ran with a
// setting nobody wrote; and a refusal must echo what was written, not the number it was read as.
test.describe('number variables', () => {
  for (const written of ['0x10', '0b1', '0o7', 'Infinity', '1_000', '5s', '1,5'])
    test(`MDE_REQUEST_TIMEOUT_SECONDS=${written} is refused, echoing what was written`, () => {
      expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: written })).toEqual([
        `ConfigError: MDE_REQUEST_TIMEOUT_SECONDS must be a number of seconds above 0, e.g. 10 (got "${written}")`,
      ]);
    });

  for (const written of ['0x1', '0b1'])
    test(`MDE_QUOTA_SHARE=${written} is refused`, () => {
      expect(problems({ MDE_QUOTA_SHARE: written })).toEqual([
        `ConfigError: MDE_QUOTA_SHARE must be a number above 0 and at most 1 (got "${written}")`,
      ]);
    });

  test('decimal forms are taken: a fraction, a leading point, an exponent, spaces around', () => {
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: '2.5' }).requestTimeoutMs).toBe(2_500);
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: ' 5 ' }).requestTimeoutMs).toBe(5_000);
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: '.5' }).requestTimeoutMs).toBe(500);
    expect(loadConfig({ MDE_REQUEST_TIMEOUT_SECONDS: '2e1' }).requestTimeoutMs).toBe(20_000);
  });

  test('a value above the test timeout is echoed as written, not as the number it was read as', () => {
    expect(problems({ MDE_REQUEST_TIMEOUT_SECONDS: '1e9' })).toEqual([
      'ConfigError: MDE_REQUEST_TIMEOUT_SECONDS must be below the test timeout, 30 s with MDE_TARGET=embedded (got "1e9")',
    ]);
  });
});
