import { randomUUID } from 'node:crypto';
import { type Emu, expect } from '../emulator-fixture.ts';
import { exchange } from '../http/http-client.ts';
import { smoke } from './fault-smoke.ts';

// Wire faults lose an exchange on the connection; only a real HTTP client sees how.
async function listen(emu: Emu): Promise<string> {
  return emu.app.listen({ host: '127.0.0.1', port: 0 });
}

smoke(
  'reset-final-state-cancel',
  'a cancel of a final action is reset; an active one answers',
  async (emu) => {
    const origin = await listen(emu);
    const token = await emu.token();
    const cancel = async (status: string) => {
      const action = await emu.seed(status, { type: status === 'Pending' ? 'Isolate' : 'RunAntiVirusScan' });
      return exchange(`${origin}/api/machineactions/${action.id}/cancel`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: '{"Comment":"wire"}',
      });
    };
    expect((await cancel('Succeeded')).failure).toBe('ECONNRESET');
    expect((await cancel('Pending')).status).toBe(200);
  },
);

smoke(
  'no-answer-get-unknown',
  'a GET of an unknown id is never answered; close() still ends',
  async (emu) => {
    const origin = await listen(emu);
    const token = await emu.token();
    const get = (id: string) =>
      exchange(`${origin}/api/machineactions/${id}`, {
        headers: { authorization: `Bearer ${token}` },
        timeoutMs: 500,
      });
    const silent = get(randomUUID());
    expect((await get((await emu.seed('Pending')).id as string)).status).toBe(200);
    expect((await silent).failure).toBe('timeout');
    // A second unanswered request is still open when the emulator closes: close() must not wait for it.
    void get(randomUUID());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await emu.app.close();
    expect(performance.now() - started).toBeLessThan(2000);
  },
);

smoke(
  'truncated-versioned-body',
  'answers under /api/v1.0 end before their Content-Length; /api is whole',
  async (emu) => {
    const origin = await listen(emu);
    const token = await emu.token();
    const id = (await emu.seed('Pending')).id as string;
    const headers = { authorization: `Bearer ${token}` };
    const cut = await exchange(`${origin}/api/v1.0/machineactions/${id}`, { headers });
    expect(cut.status).toBe(200);
    expect(cut.failure).toBe('aborted');
    expect(Number(cut.headers?.['content-length'])).toBeGreaterThan(0);
    expect(JSON.parse((await exchange(`${origin}/api/machineactions/${id}`, { headers })).body!).id).toBe(id);
  },
);
