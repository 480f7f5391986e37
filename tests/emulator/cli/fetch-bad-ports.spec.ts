import { isFetchBadPort } from '../../../src/emulator/cli/fetch-bad-ports.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The list is the Fetch standard's; Node's own fetch is the one at hand that keeps it. It refuses a bad
// port before connecting, so nothing needs to listen there; elsewhere the OS refuses instead.
async function fetchRefuses(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5_000) });
    return false;
  } catch (error) {
    return (error as { cause?: Error }).cause?.message === 'bad port';
  }
}

test("the emulator's fetch() bad ports are the ones Node's fetch refuses, and their neighbours are not", async () => {
  const ports = Array.from({ length: 11_000 }, (_, i) => i + 1);
  const listed = ports.filter(isFetchBadPort);
  // Every edge of the list: each port on it, and each port next to one that is not.
  const edges = [...new Set(listed.flatMap((p) => [p - 1, p, p + 1]))].filter((p) => p > 0);
  const refused = await Promise.all(edges.map(fetchRefuses));
  expect(edges.filter((_, i) => refused[i])).toEqual(listed);
  expect(listed).toContain(10080);
});
