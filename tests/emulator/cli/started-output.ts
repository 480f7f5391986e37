import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { tempDir } from '../../helpers/temp-dir.ts';

// `npm run emulator` started for real, until it has said how it runs (or has exited), then stopped:
// what it printed, on each stream. Waiting for its own line, not a fixed time, keeps a loaded machine
// from cutting it short and an idle one from waiting.
export async function startedOutput(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('MDE_EMULATOR_')) delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli/main.ts', ...args], {
    env,
    cwd: repoRoot,
  });
  const output = { stdout: '', stderr: '' };
  child.stderr.on('data', (chunk) => {
    output.stderr += chunk;
  });
  // 'close', not 'exit': both streams have been read to their end.
  const closed = new Promise((done) => child.on('close', done));
  await Promise.race([
    closed,
    new Promise<void>((ready) =>
      child.stdout.on('data', (chunk) => {
        output.stdout += chunk;
        if (output.stdout.includes('control ')) ready();
      }),
    ),
  ]);
  child.kill('SIGTERM');
  await closed;
  return output;
}

// Started with one's own certificate and key (--tls-cert, --tls-key), written to a temporary folder the
// caller removes (removeTempDirs): what it printed, and the certificate's path.
export async function startedWithCertificate(pems: { cert: string; key: string }) {
  const dir = tempDir('own-certificate-');
  const [certFile, keyFile] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  writeFileSync(certFile, pems.cert);
  writeFileSync(keyFile, pems.key);
  const output = await startedOutput(['--port', '0', '--tls-cert', certFile, '--tls-key', keyFile]);
  return { ...output, certFile };
}
