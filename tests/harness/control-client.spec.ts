import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ControlClient } from '../../src/harness/drivers/control-client.ts';
import { ControlProtocolError } from '../../src/harness/errors.ts';
import { FINDING_ANNOTATION } from '../../src/harness/evidence/finding.ts';
import { expect, test } from '../helpers/api-test.ts';

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

function takeNoVerdicts(): { cause: string; text: string }[] {
  const { annotations } = test.info();
  const found = annotations.filter(
    (a) => a.type === FINDING_ANNOTATION && a.description?.includes('no-verdict'),
  );
  for (const a of found) annotations.splice(annotations.indexOf(a), 1);
  return found.map((a) => JSON.parse(a.description!));
}

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
