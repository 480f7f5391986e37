import { isLoopback } from '../../../src/harness/config/hosts.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('tenant configuration', () => {
  test('isLoopback is true for localhost, 127/8 and ::1, given a host or a URL', () => {
    for (const host of [
      'localhost',
      'LOCALHOST.',
      '127.0.0.1',
      '127.9.8.7',
      '::1',
      '[::1]',
      'http://[::1]:4010',
    ])
      expect(isLoopback(host), host).toBe(true);
    for (const host of [
      '128.0.0.1',
      'localhost.evil.example',
      '::2',
      'http://127.0.0.1.evil.example',
      'not a url://',
    ])
      expect(isLoopback(host), host).toBe(false);
  });
});
