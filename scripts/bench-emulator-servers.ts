// The two servers of npm run bench:emulator (scripts/bench-emulator.ts), each forked into its own
// process with BENCH_ROLE=emulator or BENCH_ROLE=bare; they talk to the parent over IPC.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SCOPE } from '../src/contract/index.ts';
import { startEmulator } from '../src/emulator/index.ts';

// One answer as the emulator gave it; the bare server sends the same status, headers and bytes.
export interface Reference {
  method: 'GET' | 'POST';
  path: string;
  body: string | undefined;
  status: number;
  headers: Record<string, string>;
  answer: string;
}
export interface Setup {
  url: string;
  token: string;
  get: Reference;
  cancel: Reference;
}

// Child: the emulator (rate limits off), one app and one Succeeded action; sends the parent the token
// and the two reference answers.
async function serveEmulator(): Promise<void> {
  const emulator = await startEmulator({ port: 0, rateLimits: false });
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  await call(
    'POST',
    '/_emulator/apps',
    JSON.stringify({
      tenantId: TENANT,
      clientId: 'bench',
      clientSecret: 'pw',
      roles: ['Machine.Scan', 'Machine.Read.All'],
    }),
  );
  const seeded = JSON.stringify({
    tenantId: TENANT,
    machineId: 'm1',
    type: 'RunAntiVirusScan',
    status: 'Succeeded',
  });
  const { id } = (await (await call('POST', '/_emulator/machineactions', seeded)).json()) as { id: string };
  const tokenAnswer = await fetch(`${emulator.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'bench',
      client_secret: 'pw',
      scope: DEFAULT_SCOPE,
    }),
  });
  const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
  const reference = async (method: 'GET' | 'POST', path: string, body?: string): Promise<Reference> => {
    const res = await call(method, path, body, { authorization: `Bearer ${token}` });
    const headers: Record<string, string> = {};
    for (const [name, value] of res.headers) if (!OWN_HEADERS.has(name)) headers[name] = value;
    return { method, path, body, status: res.status, headers, answer: await res.text() };
  };
  const setup: Setup = {
    url: emulator.url,
    token,
    get: await reference('GET', `/api/machineactions/${id}`),
    cancel: await reference('POST', `/api/machineactions/${id}/cancel`, '{"Comment":"bench"}'),
  };
  process.send?.(setup);
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
}

// Child: the bare server. No routing library and no checks: GET answers the GET reference, anything
// else the cancel reference, with the emulator's status, headers and bytes.
async function serveBare(): Promise<void> {
  const setup = await new Promise<Setup>((resolve) => process.once('message', (m) => resolve(m as Setup)));
  const answers = [setup.get, setup.cancel].map((ref) => ({ ...ref, bytes: Buffer.from(ref.answer) }));
  const server = createServer((req, res) => {
    const ref = req.method === 'GET' ? answers[0]! : answers[1]!;
    req.resume();
    req.on('end', () => {
      res.writeHead(ref.status, ref.headers);
      res.end(ref.bytes);
    });
  });
  // Fastify's keep-alive timeout, so that both servers send the same Keep-Alive header.
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  process.on('disconnect', () => {
    server.close();
    process.exit(0);
  });
}

const TENANT = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';
// Headers node:http writes itself on both servers (the emulator sets Date from its virtual clock).
const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive']);

if (process.env.BENCH_ROLE === 'emulator') await serveEmulator();
else if (process.env.BENCH_ROLE === 'bare') await serveBare();
// The parent asks for the CPU time this process used, before and after each run.
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
