import { spawnSync } from 'node:child_process';

// `npm run emulator` to its end, without the worker's own MDE_EMULATOR_* settings: only those given.
// `as`: the user to run it as (an unprivileged one, for what only root may do).
export function emulatorCli(
  args: string[],
  settings: Record<string, string> = {},
  as: { uid?: number; gid?: number } = {},
) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  Object.assign(env, settings);
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/emulator/cli/main.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
    ...as,
  });
}
