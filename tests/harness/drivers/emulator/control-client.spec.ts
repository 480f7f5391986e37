import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import { ControlProtocolError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';

// An emulator that does not implement the control protocol: 404 to everything.
let server: Server;
let url: string;
test.beforeAll(async () => {
  server = createServer((_, res) =>
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route'),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test('a control endpoint the target lacks ends the test without a verdict, blamed on the target', async () => {
  const control = new ControlClient(url);
  const error = await control
    .seedAction({ machineId: 'm', type: 'RunAntiVirusScan' } as never)
    .catch((e) => e);
  expect(error).toBeInstanceOf(ControlProtocolError);
  expect(String(error.message)).toContain('/_emulator/machineactions');
  expect(takeNoVerdicts()).toEqual([expect.objectContaining({ cause: 'target' })]);
  await expect(control.advance(60)).rejects.toBeInstanceOf(ControlProtocolError);
  expect(takeNoVerdicts()).toHaveLength(1);
});

// A half-finished emulator: its clock answers but does not move unless `moves`; a seeded action is
// answered as Pending whatever it was seeded with, unless `keepsStatus`.
async function halfFinished(options: { moves: boolean; keepsStatus: boolean }) {
  let now = Date.parse('2026-03-02T10:00:00Z');
  const stand = await jsonStandIn(({ url, body, json }) => {
    const sent = body ? JSON.parse(body) : {};
    if (url === '/_emulator/clock/advance' && options.moves) now += sent.seconds * 1000;
    const answer = url.startsWith('/_emulator/clock')
      ? { now: new Date(now).toISOString() }
      : { id: 'a1', ...sent, status: options.keepsStatus ? sent.status : 'Pending' };
    json(url === '/_emulator/machineactions' ? 201 : 200, answer);
  });
  return { control: new ControlClient(stand.url), close: stand.close };
}

const SEED = { tenantId: 't', machineId: 'm', type: 'RunAntiVirusScan', status: 'Succeeded' } as never;

test('a clock that does not move and a seed that loses its status end the test without a verdict', async () => {
  const { control, close } = await halfFinished({ moves: false, keepsStatus: false });
  const still = await control.advance(60).catch((e) => e);
  expect(still).toBeInstanceOf(ControlProtocolError);
  expect(String(still.message)).toContain('asked to advance 60 s from 2026-03-02T10:00:00.000Z');
  const seeded = await control.seedAction(SEED).catch((e) => e);
  expect(seeded).toBeInstanceOf(ControlProtocolError);
  expect(String(seeded.message)).toContain('seeded with status Succeeded, the answer has status "Pending"');
  expect(takeNoVerdicts()).toEqual([
    expect.objectContaining({ cause: 'target' }),
    expect.objectContaining({ cause: 'target' }),
  ]);
  await close();
});

test('a clock that moves as asked and a seed that keeps its status are taken', async () => {
  const { control, close } = await halfFinished({ moves: true, keepsStatus: true });
  expect((await control.advance(60)).toISOString()).toBe('2026-03-02T10:01:00.000Z');
  expect((await control.advance(3600)).toISOString()).toBe('2026-03-02T11:01:00.000Z');
  expect(await control.seedAction(SEED)).toMatchObject({ id: 'a1', status: 'Succeeded' });
  expect(takeNoVerdicts()).toEqual([]);
  await close();
});

// Playwright prints an error's stack for each test it ends: a broken control protocol is the emulator
// author's to fix, so its line comes without the suite's stack (DEBUG=1 keeps it).
test('a control protocol error carries its line as its stack unless DEBUG is set', () => {
  const error = new ControlProtocolError('http://127.0.0.1:9/_emulator/clock', 500, 'expected 200');
  expect(error.stack).toBe(`ControlProtocolError: ${error.message}`);
  const before = process.env.DEBUG;
  process.env.DEBUG = '1';
  try {
    expect(new ControlProtocolError('u', 500, 'd').stack).toContain('control-client.spec.ts');
  } finally {
    if (before === undefined) delete process.env.DEBUG;
    else process.env.DEBUG = before;
  }
});
