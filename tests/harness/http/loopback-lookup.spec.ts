import dns from 'node:dns';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendRaw } from '../../../src/harness/http/raw-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Tenant mode trusts a loopback origin given by name (localhost, and "localhost." as a URL may write it)
// with plain http and any port. "localhost." is no line of /etc/hosts, so DNS answers it: an answer
// off this machine had the suite send the client secret there in clear. A resolver stands in here,
// answering 0.0.0.0: not a loopback address, yet one that reaches this machine's own listener, so that
// the test sends nothing off it whether the suite refuses or not.

type Lookup = typeof dns.lookup;

async function listener() {
  const heard: string[] = [];
  const server = createServer((req, res) => {
    heard.push(req.url ?? '');
    res.end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { heard, port: (server.address() as AddressInfo).port, close: () => server.close() };
}

function resolvingTo(address: string, family: 4 | 6, run: () => Promise<unknown>): Promise<unknown> {
  return resolvingToAll([{ address, family }], run);
}

function resolvingToAll(
  addresses: { address: string; family: 4 | 6 }[],
  run: () => Promise<unknown>,
): Promise<unknown> {
  const real = dns.lookup;
  const stand = ((hostname: string, options: unknown, callback?: unknown) => {
    const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === 'object' && (options as { all?: boolean }).all;
    if (hostname !== 'localhost.') return real(hostname, options as never, done as never);
    return all ? done(null, addresses) : done(null, addresses[0]!.address, addresses[0]!.family);
  }) as unknown as Lookup;
  dns.lookup = stand;
  return run().finally(() => {
    dns.lookup = real;
  });
}

test('a loopback name that resolves off this machine is refused before a request is sent', async () => {
  const target = await listener();
  const outcome = await resolvingTo('0.0.0.0', 4, () => getViaLocalhost(target.port, '/api/machineactions'));
  target.close();
  expect(target.heard).toEqual([]);
  expect(outcome).toContain('localhost. resolved to 0.0.0.0, not a loopback address');
});

test('a loopback name that resolves to loopback is connected to as before', async () => {
  const target = await listener();
  const outcome = await resolvingTo('127.0.0.1', 4, () => getViaLocalhost(target.port, '/x'));
  target.close();
  expect(outcome).toBe(200);
  expect(target.heard).toEqual(['/x']);
});

// A name may resolve to several addresses, loopback first: the one off this machine is still where a
// connection could go (the resolver's order is no promise), so the whole answer is refused.
test('a loopback name whose answer holds any address off this machine is refused, whatever comes first', async () => {
  const target = await listener();
  const outcome = await resolvingToAll(
    [
      { address: '127.0.0.1', family: 4 },
      { address: '0.0.0.0', family: 4 },
    ],
    () => getViaLocalhost(target.port, '/x'),
  );
  target.close();
  expect(target.heard).toEqual([]);
  expect(outcome).toContain('localhost. resolved to 0.0.0.0, not a loopback address');
});

// A GET through the name `localhost.`: the status it was answered with, or the refusal's message.
function getViaLocalhost(port: number, path: string): Promise<number | string> {
  return sendRaw({
    url: `http://localhost.:${port}${path}`,
    method: 'GET',
    headers: {},
    timeoutMs: 5000,
  }).then(
    (answer) => answer.status,
    (error: Error) => error.message,
  );
}
