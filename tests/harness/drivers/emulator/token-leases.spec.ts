import { RENEW_MARGIN_SECONDS, TokenLeases } from '../../../../src/harness/drivers/emulator/token-leases.ts';
import type { Token } from '../../../../src/harness/identity/client-secret-flow.ts';
import { expect, test } from '../../../helpers/api-test.ts';

// A token source that numbers what it issues, each living `expiresIn` seconds.
function issuer(expiresIn = 3599) {
  let issued = 0;
  return {
    acquire: async (): Promise<Token> => ({ accessToken: `token-${++issued}`, expiresIn }),
    get issued() {
      return issued;
    },
  };
}

test('a burst of calls shares one token', async () => {
  const leases = new TokenLeases<string>();
  const source = issuer();
  const tokens = await Promise.all(Array.from({ length: 100 }, () => leases.get('a', source.acquire)));
  expect(new Set(tokens)).toEqual(new Set(['token-1']));
  expect(source.issued).toBe(1);
});

test('clock moves that leave a token more than the margin keep it', async () => {
  const leases = new TokenLeases<string>();
  const source = issuer(3600);
  await leases.get('a', source.acquire);
  // RATE.HOUR's pattern: a simulated minute at a time, for 15 minutes.
  for (let minute = 0; minute < 15; minute++) leases.moved(60);
  expect(await leases.get('a', source.acquire)).toBe('token-1');
});

test('a token the moves have used up but the margin is renewed, once', async () => {
  const leases = new TokenLeases<string>();
  const source = issuer(3600);
  await leases.get('a', source.acquire);
  leases.moved(3600 - RENEW_MARGIN_SECONDS);
  const renewed = await Promise.all([leases.get('a', source.acquire), leases.get('a', source.acquire)]);
  expect(renewed).toEqual(['token-2', 'token-2']);
  expect(source.issued).toBe(2);
});

test('a short-lived token is renewed after half its life of moves', async () => {
  const leases = new TokenLeases<string>();
  const source = issuer(300);
  await leases.get('a', source.acquire);
  leases.moved(149);
  expect(await leases.get('a', source.acquire)).toBe('token-1');
  leases.moved(1);
  expect(await leases.get('a', source.acquire)).toBe('token-2');
});

test('a kept token stays whatever the clock does, and keys do not share tokens', async () => {
  const leases = new TokenLeases<string>();
  const source = issuer(60);
  await leases.get('expired', source.acquire, true);
  await leases.get('b', source.acquire);
  leases.moved(7200);
  expect(await leases.get('expired', source.acquire, true)).toBe('token-1');
  expect(await leases.get('b', source.acquire)).toBe('token-3');
});

test('a failed acquisition is not kept: the next call tries again', async () => {
  const leases = new TokenLeases<string>();
  let attempts = 0;
  const flaky = async (): Promise<Token> => {
    if (++attempts === 1) throw new Error('token endpoint answered 500');
    return { accessToken: 'token-ok', expiresIn: 3599 };
  };
  await expect(leases.get('a', flaky)).rejects.toThrow('500');
  expect(await leases.get('a', flaky)).toBe('token-ok');
});
