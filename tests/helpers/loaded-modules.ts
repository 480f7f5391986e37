import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { withoutMdeVariables } from './script-env.ts';
import { tempDir } from './temp-dir.ts';

const RECORDER = pathToFileURL(join(repoRoot, 'tests', 'helpers', 'record-loads.mjs')).href;
const TSX = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

// A TypeScript entry (a path from the repository root) run to its end as `npm run` runs it, with the
// modules it loaded: the repository's own as paths from its root (src/emulator/app.ts), a package's
// as its name (fastify). What a refusal loads is how much it costs, counted rather than timed.
// Run from `cwd` (the repository by default). The caller removes the temporary directory (removeTempDirs).
export function runRecordingLoads(
  entry: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = repoRoot,
) {
  const file = join(tempDir('loaded-modules-'), 'loads.txt');
  const script = join(repoRoot, entry);
  const run = spawnSync(process.execPath, ['--import', TSX, '--import', RECORDER, script, ...args], {
    cwd,
    env: { ...withoutMdeVariables(), ...env, RECORD_LOADS_FILE: file },
    encoding: 'utf8',
    timeout: 60_000,
  });
  // A child that died before its first import left no record: its own words say why, not ENOENT.
  if (!existsSync(file))
    throw new Error(
      `${entry} ${args.join(' ')} ended (${run.status ?? run.signal}) before loading a module:\n${run.stderr}`,
    );
  const loaded = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(moduleName);
  return { run, loaded };
}

function moduleName(url: string): string {
  if (!url.startsWith('file:')) return url;
  const path = fileURLToPath(url);
  const inPackages = path.split(/[\\/]node_modules[\\/]/);
  if (inPackages.length > 1) {
    const [scope, name] = inPackages.at(-1)!.split(/[\\/]/);
    return scope!.startsWith('@') ? `${scope}/${name}` : scope!;
  }
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1).replaceAll('\\', '/') : path;
}
