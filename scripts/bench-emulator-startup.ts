// npm run bench:emulator -- --startup: what many emulators in one process cost (the self-test starts
// one per target per worker): build + listen time with a shared signing key, and memory per idle
// emulator. Best under `node --expose-gc --import tsx scripts/bench-emulator.ts --startup`.
import { cpus, loadavg } from 'node:os';
import { createSigningKey, type RunningEmulator, startEmulator } from '../src/emulator/index.ts';
import { EMULATORS } from './bench-emulator-settings.ts';

// Checked by scripts/bench-emulator.ts (badSetting) before this module is loaded.
await startup(EMULATORS);

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
