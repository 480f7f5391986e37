import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import { ControlProtocolError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';

// What GET /_emulator/clock's `now` may be: an RFC 3339 date-time, which carries its offset. A time
// without one ("2026-01-05T09:00:00", as Python's datetime.utcnow().isoformat() writes it) was read in
// the suite's local time zone. Run with TZ=America/New_York against a proxy that dropped the Z, the test
// of a token used while valid moved the clock 5 hours too little, got 404 where it expected 401, and
// its AUTH.EXPIRED row read ERROR blaming the API's Date header for lagging the clock by 18000 s: the
// wrong part of the emulator named. Other forms Date.parse reads (an HTTP-date, digits) were taken too.

async function clockAnswering(now: unknown) {
  const server = createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ now })),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { control: new ControlClient(url, 3_000), close: () => server.close() };
}

for (const now of [
  '2026-01-05T09:00:00',
  '2026-01-05T09:00:00.123',
  'Mon, 05 Jan 2026 09:00:00 GMT',
  '1767603600000',
]) {
  test(`a clock reading "${now}" is refused, saying what RFC 3339 needs`, async () => {
    const { control, close } = await clockAnswering(now);
    try {
      const error = await control.clock().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ControlProtocolError);
      expect((error as Error).message).toContain(`expected {"now": "<RFC 3339>"}, got {"now":"${now}"}`);
      expect((error as Error).message).toContain('2026-01-05T09:00:00Z');
      expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
    } finally {
      close();
    }
  });
}

for (const [now, read] of [
  ['2026-01-05T09:00:00Z', '2026-01-05T09:00:00.000Z'],
  ['2026-01-05T09:00:00.1234567Z', '2026-01-05T09:00:00.123Z'],
  ['2026-01-05t09:00:00z', '2026-01-05T09:00:00.000Z'],
  ['2026-01-05 09:00:00Z', '2026-01-05T09:00:00.000Z'],
  ['2026-01-05T10:00:00+01:00', '2026-01-05T09:00:00.000Z'],
  ['2026-01-05T09:00:00-00:00', '2026-01-05T09:00:00.000Z'],
]) {
  test(`a clock reading "${now}" is taken as ${read}`, async () => {
    const { control, close } = await clockAnswering(now);
    try {
      expect((await control.clock()).toISOString()).toBe(read);
    } finally {
      close();
    }
  });
}
