// The two server processes of npm run bench:emulator as its parent sees them: each forked from
// scripts/bench-emulator-servers.ts, asked over IPC for its setup, its address and its CPU time.
import { type ChildProcess, fork } from 'node:child_process';
import { PROFILES } from './bench-emulator-settings.ts';

export interface Server {
  url: string;
  child: ChildProcess;
}

export function spawn(which: 'emulator' | 'bare', profile: boolean): ChildProcess {
  return fork(new URL('./bench-emulator-servers.ts', import.meta.url).pathname, [], {
    env: { ...process.env, BENCH_ROLE: which },
    execArgv: [
      ...process.execArgv,
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${PROFILES}/${which}`] : []),
    ],
  });
}

export function nextMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
}

export async function cpuMicros(child: ChildProcess): Promise<number> {
  const answer = nextMessage<{ cpu: NodeJS.CpuUsage }>(child);
  child.send('cpu');
  const { cpu } = await answer;
  return cpu.user + cpu.system;
}
