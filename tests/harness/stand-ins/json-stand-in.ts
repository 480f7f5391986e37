import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A loopback stand-in for an emulator or a tenant, for the harness's tests: each request's body is read
// whole, then `route` answers it, with `json` for the usual JSON answer or `res` for anything else.
export interface StandInRequest {
  method: string;
  // With its query; `path` without.
  url: string;
  path: string;
  body: string;
  json(status: number, answer?: unknown, headers?: Record<string, string>): void;
  res: ServerResponse;
}

export interface StandIn {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function jsonStandIn(route: (req: StandInRequest) => void, port = 0): Promise<StandIn> {
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const url = req.url ?? '/';
      route({
        method: req.method ?? 'GET',
        url,
        path: url.split('?')[0] ?? url,
        body,
        res,
        json: (status, answer, headers = {}) =>
          res
            .writeHead(status, { 'content-type': 'application/json', ...headers })
            .end(answer === undefined ? '' : JSON.stringify(answer)),
      });
    });
  });
  await new Promise<void>((done, fail) => server.once('error', fail).listen(port, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
