import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// `npm run emulator` in a process of its own, reached only at the URL it prints, as a user's run reaches
// any emulator: the harness's tests never import one (tests/contract/import-boundaries.spec.ts).
export interface EmulatorProcess {
  url: string;
  close: () => Promise<void>;
}

export async function startEmulatorProcess(args: string[] = []): Promise<EmulatorProcess> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  // A generated certificate goes to a temporary directory, not the checkout's .emulator/.
  const certOut = args.includes('--https')
    ? ['--tls-cert-out', join(tempDir('emulator-cert-'), 'cert.pem')]
    : [];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/emulator/cli/main.ts', '--port', '0', ...certOut, ...args],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = await printedUrl(child);
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  return {
    url,
    close: async () => {
      child.kill('SIGTERM');
      await closed;
    },
  };
}

// Stopped after this long without its URL: a hang is a failure that names what it printed.
const START_MS = 30_000;

function printedUrl(child: ChildProcess): Promise<string> {
  return new Promise((found, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      failed(new Error(`the emulator printed no URL within ${START_MS / 1000} s: ${stderr}`));
    }, START_MS);
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const url = /listening on (https?:\/\/\S+)/.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        found(url);
      }
    });
    child.once('close', (code) =>
      failed(new Error(`the emulator exited ${code} before listening: ${stderr}`)),
    );
  });
}
