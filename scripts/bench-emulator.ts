// npm run bench:emulator: the reference emulator against a bare node:http server that answers the same
// bytes, so the numbers say what the emulator's own work costs. Two scenarios: GET of one action, and
// a cancel of an action in a final state (the 4xx path). Targets: the emulator keeps at least 60 % of the
// bare throughput, and its p99 latency is at most twice the bare's.
// Each server runs in its own process (scripts/bench-emulator-servers.ts); autocannon runs
// here, 50 connections, rate limits off. After a warm-up, rounds alternate the two servers; the verdict
// reads the medians of the per-round ratios. Environment: BENCH_SECONDS (per run, default 3),
// BENCH_ROUNDS (default 5), BENCH_WARMUP (seconds per server and scenario, default 2), BENCH_RATE
// (requests per second, default as many as they take).
// `-- --cpu-prof` writes V8 CPU profiles of both server processes to test-results/bench-profiles/;
// `-- --only get|cancel` runs one scenario; `-- --startup` measures starting many emulators
// (scripts/bench-emulator-startup.ts).
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { cpuMicros, nextMessage, type Server, spawn } from './bench-emulator-children.ts';
import type { Setup } from './bench-emulator-servers.ts';
import {
  badSetting,
  CONNECTIONS,
  PROFILES,
  RATE,
  ROUNDS,
  SECONDS,
  WARMUP,
} from './bench-emulator-settings.ts';

interface Result {
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
// A run: a promise of the result that also emits every response.
type Autocannon = (options: Record<string, unknown>) => Promise<Result> & {
  on(event: 'response', listener: (...args: never[]) => void): void;
};
interface Run {
  rps: number;
  p99: number;
  // CPU time (user + system) the server process spent per answered request, in microseconds.
  cpuUs: number;
}

// Every other command of the project prints its usage with --help.
if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
  console.log(`usage: npm run bench:emulator [-- --startup] [--cpu-prof] [--only get|cancel]

The reference emulator against a bare node:http server answering the same bytes, on loopback
(docs/speed.md). BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARMUP and BENCH_RATE set the measurement;
--startup measures starting BENCH_EMULATORS emulators instead.
  --startup           how long emulators take to start
  --cpu-prof          write CPU profiles to test-results/bench-profiles
  --only get|cancel   one scenario only`);
  process.exit(0);
}
// A mistyped option or setting would otherwise run the whole benchmark on the defaults.
const settingsProblem = badSetting(process.argv.slice(2).filter((a) => a !== '--'));
if (settingsProblem) {
  console.error(`bench:emulator: ${settingsProblem}`);
  process.exit(2);
}

if (process.argv.includes('--startup')) await import('./bench-emulator-startup.ts');
else await measure();

// Parent: warm-up, then rounds that alternate the servers, then medians and the verdict.
async function measure(): Promise<void> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const profile = process.argv.includes('--cpu-prof');
  const onlyAt = process.argv.indexOf('--only');
  const emulatorChild = spawn('emulator', profile);
  const setup = await nextMessage<Setup>(emulatorChild);
  const emulator: Server = { url: setup.url, child: emulatorChild };
  const bareChild = spawn('bare', profile);
  bareChild.send(setup);
  const bare: Server = { url: await nextMessage<string>(bareChild), child: bareChild };
  const scenarios = [
    { name: 'GET one action', key: 'get', ref: setup.get },
    { name: `cancel of a final-state action (${setup.cancel.status})`, key: 'cancel', ref: setup.cancel },
  ].filter((s) => onlyAt < 0 || s.key === process.argv[onlyAt + 1]);
  const rows: string[] = [];
  let met = true;
  for (const { name, ref } of scenarios) {
    const run = async (server: Server, seconds: number): Promise<Run> => {
      const cpuBefore = await cpuMicros(server.child);
      const load = autocannon({
        url: `${server.url}${ref.path}`,
        method: ref.method,
        headers: { authorization: `Bearer ${setup.token}`, 'content-type': 'application/json' },
        body: ref.body,
        connections: CONNECTIONS,
        duration: seconds,
        ...(RATE > 0 ? { overallRate: RATE } : {}),
      });
      // Every latency, to the microsecond: autocannon's own percentiles are whole milliseconds, too coarse
      // for a ratio of p99s of a few milliseconds.
      const latencies: number[] = [];
      load.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) =>
        latencies.push(ms),
      );
      const result = await load;
      const cpu = (await cpuMicros(server.child)) - cpuBefore;
      const unexpected = Object.keys(result.statusCodeStats).filter((code) => Number(code) !== ref.status);
      if (result.errors + result.timeouts > 0 || unexpected.length > 0)
        throw new Error(
          `${server.url} ${name}: errors ${result.errors}, timeouts ${result.timeouts}, statuses ${unexpected.join(',') || ref.status}`,
        );
      latencies.sort((a, b) => a - b);
      const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
      return { rps: result.requests.average, p99, cpuUs: cpu / result.requests.total };
    };
    await run(emulator, WARMUP);
    await run(bare, WARMUP);
    const rounds: { emulator: Run; bare: Run }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternating who goes first spreads slow drifts of the machine over both.
      const [first, second] = i % 2 === 0 ? [emulator, bare] : [bare, emulator];
      const a = await run(first, SECONDS);
      const b = await run(second, SECONDS);
      rounds.push(first === emulator ? { emulator: a, bare: b } : { emulator: b, bare: a });
    }
    const of = (pick: (r: { emulator: Run; bare: Run }) => number) => rounds.map(pick);
    const ratios = of((r) => r.emulator.rps / r.bare.rps);
    const throughput = median(ratios);
    const p99 = median(of((r) => r.emulator.p99 / r.bare.p99));
    const ok = throughput >= 0.6 && p99 <= 2;
    met &&= ok;
    rows.push(
      [
        name,
        fmt(median(of((r) => r.emulator.rps))),
        `${median(of((r) => r.emulator.p99)).toFixed(1)} ms`,
        `${fmt(median(of((r) => r.emulator.cpuUs)))} µs`,
        fmt(median(of((r) => r.bare.rps))),
        `${median(of((r) => r.bare.p99)).toFixed(1)} ms`,
        `${fmt(median(of((r) => r.bare.cpuUs)))} µs`,
        `${pct(throughput)} (${pct(Math.min(...ratios))}–${pct(Math.max(...ratios))})`,
        `${p99.toFixed(2)}x`,
        ok ? 'met' : 'MISSED',
      ].join(' | '),
    );
  }
  emulatorChild.disconnect();
  bareChild.disconnect();
  console.log(
    `\nEmulator vs bare node:http, each in its own process; ${CONNECTIONS} connections, rate limits off; ${WARMUP} s warm-up, ${ROUNDS} rounds of ${SECONDS} s per server; medians (${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end)`,
  );
  console.log(
    `Answers (same bytes on both): GET ${setup.get.status}, ${setup.get.answer.length} bytes; cancel ${setup.cancel.status}, ${setup.cancel.answer.length} bytes; headers ${Object.keys(setup.get.headers).join(', ')} + date, connection, keep-alive\n`,
  );
  console.log(
    '| scenario | emulator req/s | p99 | CPU/req | bare req/s | p99 | CPU/req | throughput (rounds) | p99 ratio | >= 60 %, <= 2x |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row} |`);
  console.log(
    `\n${met ? 'All targets met.' : 'Some targets missed.'}${profile ? ` CPU profiles of both servers: ${PROFILES}/` : ''}`,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function pct(ratio: number): string {
  return `${Math.round(ratio * 100)} %`;
}
