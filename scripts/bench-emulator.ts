// npm run bench:emulator: the reference emulator against a bare node:http server that answers the same
// JSON, side by side in one run, so the numbers say what the emulator's own work costs. Targets: the
// emulator keeps at least 60 % of the bare throughput, and its p99 latency is at most twice the bare.
// The servers run in a child process (this script with BENCH_EMULATOR_CHILD=1); autocannon runs here.
// `npm run bench:emulator -- --startup` measures instead what many emulators in one process cost
// (the self-test starts one per target per worker): build + listen time with a shared signing key, and
// memory per idle emulator.
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_SCOPE } from '../src/contract/index.ts';
import { createSigningKey, type RunningEmulator, startEmulator } from '../src/emulator/index.ts';

interface Result {
  requests: { average: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<Result>;

interface Targets {
  emulator: string;
  bare: string;
  token: string;
  actionId: string;
  unknownId: string;
}

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TENANT = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';

if (process.argv.includes('--startup')) await startup(Number(process.env.BENCH_EMULATORS ?? 55));
else if (process.env.BENCH_EMULATOR_CHILD === '1') await serve();
else await measure();

// Starts `count` emulators one after another with one shared key, after one warm-up emulator (the
// contract, profiles and modules load once per process), and reports time and memory per emulator.
async function startup(count: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      gc?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return process.memoryUsage();
  };
  const keyStarted = performance.now();
  const signingKey = await createSigningKey();
  const keyMs = performance.now() - keyStarted;
  const coldStarted = performance.now();
  await (await startEmulator({ port: 0 }, { signingKey })).close();
  const coldMs = performance.now() - coldStarted;
  const before = await settle();
  const emulators: RunningEmulator[] = [];
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    emulators.push(await startEmulator({ port: 0 }, { signingKey }));
    times.push(performance.now() - started);
  }
  const after = await settle();
  await Promise.all(emulators.map((e) => e.close()));
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const perMb = (bytes: number) => (bytes / count / 1024 / 1024).toFixed(2);
  console.log(
    `\n${count} emulators in one process, shared signing key (${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}${gc ? '' : '; run with node --expose-gc for steadier memory'})\n`,
  );
  console.log(
    `signing key (once per process): ${keyMs.toFixed(0)} ms; first emulator (loads everything): ${coldMs.toFixed(0)} ms`,
  );
  console.log(
    `build + listen per emulator: mean ${mean.toFixed(1)} ms, median ${times[count >> 1]!.toFixed(1)} ms, max ${times[count - 1]!.toFixed(1)} ms`,
  );
  console.log(
    `memory per idle emulator: heap ${perMb(after.heapUsed - before.heapUsed)} MB, rss ${perMb(after.rss - before.rss)} MB`,
  );
}

// Child: the emulator (rate limits off) with one app, device and action, and the bare server.
async function serve(): Promise<void> {
  const emulator = await startEmulator({ port: 0, rateLimits: false });
  const post = (path: string, body: unknown) =>
    fetch(`${emulator.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/_emulator/apps', {
    tenantId: TENANT,
    clientId: 'bench',
    clientSecret: 'pw',
    roles: ['Machine.Scan', 'Machine.Read.All'],
  });
  const action = (await (
    await post('/_emulator/machineactions', {
      tenantId: TENANT,
      machineId: 'm1',
      type: 'RunAntiVirusScan',
      status: 'Pending',
    })
  ).json()) as { id: string };
  const tokenRes = await fetch(`${emulator.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'bench',
      client_secret: 'pw',
      scope: DEFAULT_SCOPE,
    }),
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const unknownId = '00000000-0000-0000-0000-000000000000';
  const getBody = await (
    await fetch(`${emulator.url}/api/machineactions/${action.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).text();
  const notFoundBody = await (
    await fetch(`${emulator.url}/api/machineactions/${unknownId}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"Comment":"bench"}',
    })
  ).text();

  // The bare server: the same answers, precomputed, no routing library, no checks.
  const bare = createServer((req, res) => {
    const isCancel = req.method === 'POST';
    req.resume();
    req.on('end', () => {
      res.writeHead(isCancel ? 404 : 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(isCancel ? notFoundBody : getBody);
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const targets: Targets = {
    emulator: emulator.url,
    bare: `http://127.0.0.1:${(bare.address() as AddressInfo).port}`,
    token,
    actionId: action.id,
    unknownId,
  };
  process.send?.(targets);
  process.on('disconnect', () => {
    bare.close();
    void emulator.close().then(() => process.exit(0));
  });
}

// Parent: four autocannon runs, then a table and the ratios against the targets.
async function measure(): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const child = fork(new URL(import.meta.url).pathname, [], {
    env: { ...process.env, BENCH_EMULATOR_CHILD: '1' },
    execArgv: process.execArgv,
  });
  const targets = await new Promise<Targets>((resolve) =>
    child.once('message', (m) => resolve(m as Targets)),
  );
  const headers = { authorization: `Bearer ${targets.token}`, 'content-type': 'application/json' };
  const scenarios = [
    {
      name: 'GET one action',
      method: 'GET',
      path: `/api/machineactions/${targets.actionId}`,
      body: undefined,
    },
    {
      name: 'cancel unknown id (404)',
      method: 'POST',
      path: `/api/machineactions/${targets.unknownId}/cancel`,
      body: '{"Comment":"bench"}',
    },
  ];
  const rows: string[] = [];
  let met = true;
  for (const scenario of scenarios) {
    const run = (origin: string, seconds = SECONDS) =>
      autocannon({
        url: `${origin}${scenario.path}`,
        method: scenario.method,
        headers,
        body: scenario.body,
        connections: CONNECTIONS,
        duration: seconds,
      });
    // One second of warm-up each (JIT, connection pools), not counted.
    await run(targets.emulator, 1);
    await run(targets.bare, 1);
    const emulator = await run(targets.emulator);
    const bare = await run(targets.bare);
    const throughput = emulator.requests.average / bare.requests.average;
    const p99 = emulator.latency.p99 / Math.max(bare.latency.p99, 1);
    const ok = throughput >= 0.6 && p99 <= 2;
    met &&= ok;
    rows.push(
      `| ${scenario.name} | ${fmt(emulator.requests.average)} | ${emulator.latency.p99} ms | ${fmt(bare.requests.average)} | ${bare.latency.p99} ms | ${pct(throughput)} (>= 60 %) | ${p99.toFixed(2)}x (<= 2x) | ${ok ? 'met' : 'MISSED'} |`,
    );
    if (emulator.errors + bare.errors > 0)
      rows.push(`  (errors: emulator ${emulator.errors}, bare ${bare.errors})`);
  }
  child.disconnect();
  const load = loadavg()[0]!.toFixed(1);
  console.log(
    `\nEmulator vs bare node:http, ${CONNECTIONS} connections, ${SECONDS} s each, loopback, rate limits off` +
      ` (${cpus().length} CPUs, load average ${load} at the end)\n`,
  );
  console.log(
    '| scenario | emulator req/s | emulator p99 | bare req/s | bare p99 | throughput | p99 | targets |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\n${met ? 'All targets met.' : 'Some targets missed.'}`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
