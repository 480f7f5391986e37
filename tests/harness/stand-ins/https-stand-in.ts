import { writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir.ts';

// `reset`: the connection is dropped instead of answered; `delayMs`: after that long.
type Answer = (path: string) => {
  status: number;
  body: string;
  headers?: Record<string, string>;
  reset?: boolean;
  delayMs?: number;
};

// A stand-in tenant over HTTPS on loopback, for what only an https authority reaches: Microsoft's
// identity library. Its self-signed certificate is written to a file, for NODE_EXTRA_CA_CERTS of a child
// process (read only when a process starts). The spec removes the file with removeTempDirs.
export async function httpsStandIn(answer: Answer) {
  const [one] = await httpsStandIns([answer]);
  return one!;
}

// Several origins, one port each, sharing one certificate and its file: Node trusts one
// NODE_EXTRA_CA_CERTS file, and two certificates of the same subject in it are not told apart.
export async function httpsStandIns(answers: Answer[]) {
  // Loaded here, not when the spec is listed: a certificate takes a tenth of a second or more.
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
  });
  const caFile = join(tempDir('https-stand-in-'), 'ca.pem');
  writeFileSync(caFile, pems.cert);
  return Promise.all(
    answers.map(async (answer) => {
      const server = createServer({ cert: pems.cert, key: pems.private }, (req, res) => {
        const { status, body, headers, reset, delayMs = 0 } = answer(req.url ?? '/');
        setTimeout(() => {
          if (reset) req.socket.destroy();
          else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
        }, delayMs);
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      return {
        url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
        caFile,
        close: () => new Promise<void>((done) => server.close(() => done())),
      };
    }),
  );
}
