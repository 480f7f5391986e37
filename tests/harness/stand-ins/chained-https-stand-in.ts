import { writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir.ts';

// An HTTPS server on loopback whose certificate an authority issued, as a company's PKI or a
// TLS-inspecting proxy does: root -> intermediate -> the server's own (for 127.0.0.1). Unlike
// https-stand-in.ts's self-signed one, Node's verdict on it depends on what the server sends:
// `withIntermediate` false sends its own certificate alone, the slip of a server configured with
// cert.pem instead of fullchain.pem. `rootFile` holds the root, for NODE_EXTRA_CA_CERTS of a child.
export async function chainedHttpsStandIn(withIntermediate: boolean) {
  // Made once a worker: three RSA keys take seconds on a shared machine.
  chain ??= makeChain();
  const { root, intermediate, leaf } = await chain;
  const rootFile = join(tempDir('chained-https-stand-in-'), 'root.pem');
  writeFileSync(rootFile, root.cert);
  const cert = withIntermediate ? `${leaf.cert.trim()}\n${intermediate.cert.trim()}\n` : leaf.cert;
  const server = createServer({ cert, key: leaf.private }, (_, res) =>
    res.writeHead(404, { 'content-type': 'application/json' }).end('{}'),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rootFile,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

let chain: ReturnType<typeof makeChain> | undefined;

async function makeChain() {
  const { generate } = await import('selfsigned');
  const ca = [
    { name: 'basicConstraints' as const, cA: true, critical: true },
    { name: 'keyUsage' as const, keyCertSign: true, cRLSign: true, critical: true },
  ];
  const options = { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' } as const;
  const root = await generate([{ name: 'commonName', value: 'Stand-in Root CA' }], {
    ...options,
    extensions: ca,
  });
  const intermediate = await generate([{ name: 'commonName', value: 'Stand-in Issuing CA' }], {
    ...options,
    extensions: ca,
    ca: { key: root.private, cert: root.cert },
  });
  const leaf = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    ...options,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
    ],
    ca: { key: intermediate.private, cert: intermediate.cert },
  });
  return { root, intermediate, leaf };
}
