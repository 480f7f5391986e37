import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';

// npm's shell may go while the script is still starting (a CI job cancelled at once; under load, between
// the emulator's "listening" line and its watch): the parent the watch compares with must be the one
// the process started under, not whichever it has when the watch begins.
test('a script whose npm shell went before its watch began still stops', async () => {
  test.skip(process.platform === 'win32', 'npm runs scripts with cmd.exe there, and ppid is not watched');
  const module = pathToFileURL(join(repoRoot, 'src/common/stop-when-orphaned.ts')).href;
  const code = `import { stopWhenOrphaned } from '${module}';
const parent = process.ppid;
console.log('ready');
const pause = new Int32Array(new SharedArrayBuffer(4));
while (process.ppid === parent) Atomics.wait(pause, 0, 0, 20);
stopWhenOrphaned(() => { console.log('stopped'); process.exit(0); });
setTimeout(() => { console.log('ran on'); process.exit(1); }, 3000);`;
  // `; :` keeps the shell as the script's parent, as npm's `sh -c` is.
  const script = `"${process.execPath}" --import tsx --input-type=module -e "$CODE"; :`;
  const shell = spawn('sh', ['-c', script], {
    cwd: repoRoot,
    env: { ...process.env, npm_lifecycle_event: 'emulator', CODE: code },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    let output = '';
    const closed = new Promise<void>((resolve) => shell.stdout.on('close', resolve));
    await new Promise<void>((resolve) =>
      shell.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('ready')) resolve();
      }),
    );
    shell.kill('SIGTERM');
    await closed;
    expect(output.trim().split('\n')).toEqual(['ready', 'stopped']);
  } finally {
    try {
      process.kill(-shell.pid!, 'SIGKILL');
    } catch {}
  }
});
