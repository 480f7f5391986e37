import { Agent, request } from 'node:http';

// One exchange over a real connection, as a client sees it: the answer, or how the connection failed.
export interface Seen {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body?: string;
  // 'ECONNRESET', 'timeout', 'aborted' ...: why no whole answer arrived.
  failure?: string;
  // The server closed the connection after the answer.
  closedAfter?: boolean;
}

export function exchange(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Seen> {
  // A keep-alive agent of its own, so a closed connection is the server's doing.
  const agent = new Agent({ keepAlive: true });
  return new Promise<Seen>((resolve) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, agent }, (res) => {
      const socket = res.socket;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('aborted', () => resolve({ status: res.statusCode, headers: res.headers, failure: 'aborted' }));
      res.on('end', () => {
        const seen: Seen = {
          status: res.statusCode,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        };
        // A closed connection shows as the socket ending right after the answer.
        socket.once('close', () => resolve({ ...seen, closedAfter: true }));
        setTimeout(() => resolve({ ...seen, closedAfter: false }), 200);
      });
    });
    req.setTimeout(init.timeoutMs ?? 2000, () => {
      resolve({ failure: 'timeout' });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ failure: error.code ?? error.message }));
    req.end(init.body);
  }).finally(() => agent.destroy());
}
