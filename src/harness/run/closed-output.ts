import type { Readable } from 'node:stream';

// `npm run conformance | head` closes the pipe after a few lines. Node throws EPIPE at the next write,
// uncaught: the runner's list reporter crashed and the run ended without its reports. A run outlives
// its console: output to a pipe whose reader has gone is dropped, nothing else changes.
export function outliveClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr])
    if (!stream.listeners('error').includes(dropIfClosed)) stream.on('error', dropIfClosed);
}

// A child's output through this process's (see runPlaywright): it reads on after the reader has gone,
// so the child never writes into a closed pipe itself.
export function forwardOutput(from: Readable, to: NodeJS.WriteStream): void {
  from.on('data', (chunk: Buffer) => {
    if (!to.destroyed && to.writable) to.write(chunk);
  });
}

function dropIfClosed(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE') throw error;
}
