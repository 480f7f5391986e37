import { spawnSync } from 'node:child_process';

// `npm run emulator` to its end, without the worker's own MDE_EMULATOR_* settings: only those given.
export function emulatorCli(args: string[], settings: Record<string, string> = {}) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  Object.assign(env, settings);
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
}
