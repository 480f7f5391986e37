import { findingsOf, ofKind } from '../../src/harness/evidence/finding.ts';
import type { ApiClient } from '../../src/harness/http/api-client.ts';
import { stillActiveAfter } from '../fixtures/stuck-action.ts';
import { expect, test } from '../helpers/api-test.ts';
import { answer } from './answers.ts';

const ID = '99999999-0000-4000-8000-000000000010';
const apiAnswering = (status: number, body: unknown) =>
  ({ get: async () => answer(status, body) }) as unknown as ApiClient;
const unchecked = () => ofKind(findingsOf(test.info().annotations), 'unchecked').map((f) => f.text);

test('a stuck action still active days on is cancelled, with nothing noted', async () => {
  for (const status of ['Pending', 'InProgress'])
    expect(await stillActiveAfter(apiAnswering(200, { id: ID, status }), ID, 3)).toBe(true);
  expect(unchecked()).toEqual([]);
});

test('a stuck action gone, timed out or unreadable days on is noted as not checked, not passed silently', async () => {
  const reads: [number, unknown, string][] = [
    [404, { error: { code: 'NotFound' } }, 'HTTP 404'],
    [503, undefined, 'HTTP 503'],
    [200, { id: ID, status: 'TimeOut' }, 'status TimeOut'],
    [200, { id: ID }, 'status missing'],
  ];
  for (const [status, body, read] of reads) {
    expect(await stillActiveAfter(apiAnswering(status, body), ID, 3)).toBe(false);
    expect(unchecked().at(-1)).toBe(
      `the cancel of an action still active 3 days on: its GET then read ${read}`,
    );
  }
});

test('a throttled read of the stuck action ends the test without a verdict', async () => {
  const error = await stillActiveAfter(apiAnswering(429, {}), ID, 3).catch((e) => e);
  expect(String(error)).toContain('429');
});
