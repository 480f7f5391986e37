import type { ChildProcess } from 'node:child_process';

// What a child process printed and how it ended, once both its streams are read to their end ('close',
// not 'exit').
export function childOutput(
  child: ChildProcess,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, failed) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', failed);
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}
