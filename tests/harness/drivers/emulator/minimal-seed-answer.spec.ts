import { ControlClient } from '../../../../src/harness/drivers/emulator/control-client.ts';
import { EmulatorSeeds } from '../../../../src/harness/drivers/emulator/emulator-seeds.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { jsonStandIn } from '../../stand-ins/json-stand-in.ts';

// The control protocol asks of a seeded action's 201 its id and the status it was given
// (docs/your-emulator.md); an emulator answering only those, and 201 with no body to a device, is
// lawful. The device and type the suite seeded with stand in for what the answer leaves out: without
// them four tests that start a scan on the action's device (CANCEL.FINAL, CANCEL.REOPEN, CANCEL.PERSIST)
// ended not applicable, "the final action names no device".
test('a seed answered with only its id and status keeps the device and type it was seeded with', async () => {
  const seen: string[] = [];
  const stand = await jsonStandIn(({ url, body, json, res }) => {
    seen.push(url);
    if (url === '/_emulator/machines') return void res.writeHead(201).end();
    json(201, { id: 'a1', status: JSON.parse(body).status });
  });
  try {
    const seeds = new EmulatorSeeds(new ControlClient(stand.url), {
      mode: 'embedded',
      tenantId: 't',
      runId: 'r',
      apiBaseUrl: stand.url,
      http: { timeoutMs: 5_000 } as never,
      operatorToken: async () => 'unused',
    });
    const action = await seeds.seed('Succeeded', 'Isolate');
    expect(action).toEqual(expect.objectContaining({ id: 'a1', status: 'Succeeded', type: 'Isolate' }));
    expect(action.machineId).toMatch(/^[0-9a-f]{40}$/);
    expect(seen).toEqual(['/_emulator/machines', '/_emulator/machineactions']);
    // What the answer names wins over what was sent.
    const onDevice = await seeds.seed('Pending', 'RunAntiVirusScan', 'dev1');
    expect(onDevice.machineId).toBe('dev1');
  } finally {
    await stand.close();
  }
});
