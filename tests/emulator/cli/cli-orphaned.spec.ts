import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';

// `npm run emulator &` and later `kill %1` (a CI step, a script): npm hands the SIGTERM to the shell it
// ran the script with, not to the emulator, so the shell died and the emulator ran on, orphaned, holding
// port 4010 against the next start. Its parent's going now stops it as the signal would have.

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

test('SIGTERM to npm alone (which forwards it to its shell) stops the emulator', async () => {
  test.setTimeout(60_000);
  const env: NodeJS.ProcessEnv = { ...process.env, npm_lifecycle_event: 'emulator' };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  const shell = spawn('sh', ['-c', `"${process.execPath}" --import tsx src/emulator/cli/main.ts --port 0`], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
    env,
  });
  try {
    let output = '';
    const port = await new Promise<number>((resolve, reject) => {
      shell.stdout.on('data', (chunk) => {
        output += chunk;
        const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (found) resolve(Number(found[1]));
      });
      shell.on('exit', () => reject(new Error(`the emulator did not start: ${output}`)));
    });
    expect(await listening(port)).toBe(true);
    shell.kill('SIGTERM');
    await expect
      .poll(() => listening(port), {
        message: 'the orphaned emulator still listens 10 s after its shell went',
        timeout: 10_000,
      })
      .toBe(false);
  } finally {
    // Whatever happened, nothing of this test runs on (the group: the shell's orphaned emulator too).
    try {
      process.kill(-shell.pid!, 'SIGKILL');
    } catch {}
  }
});
