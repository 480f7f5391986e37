import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Server as TlsServer } from 'node:tls';

// A TLS connection opens with a handshake record (first byte 22); an HTTP/1.x request with a method.
const TLS_HANDSHAKE = 0x16;
const REQUEST_LINE = /^[A-Z]{3,10} \S+ HTTP\/1\.[01]\r?\n/;
// What a request line looks like before its end has come: a client may write it in pieces.
const REQUEST_LINE_START = /^[A-Z]{1,10}(?: \S*(?: H(?:T(?:T(?:P(?:\/(?:1(?:\.[01]?)?)?)?)?)?)?)?)?\r?$/;
const HEAD_MAX = 2048;
// A client silent this long is handed to TLS as it is, whose handshake timeout then applies.
const SNIFF_MS = 5_000;
// After the answer, what more the client sends is read and dropped for this long, so that closing
// with unread bytes does not reset the connection (and the answer with it) before the client reads it.
const LINGER_MS = 1_000;

// On an HTTPS port, a plain-HTTP request (http:// for https://, the likeliest slip) would fail the TLS
// handshake and its connection close with no answer: curl says "Empty reply from server", a client
// "socket hang up", neither what to fix. Such a request is answered in plain HTTP instead, by
// `answer` (given the origin to use), and the connection closed; TLS clients are left to the TLS server.
export function answerPlainHttpOnTls(server: Server, answer: (httpsOrigin: string) => string): void {
  if (!(server instanceof TlsServer)) return;
  // The TLS server's own listener wraps the socket in TLS; here it runs once the first bytes are seen.
  const tlsListeners = server.listeners('connection') as ((socket: Socket) => void)[];
  server.removeAllListeners('connection');
  // Node's closeAllConnections (which close() calls, Fastify's forceCloseConnections) ends only the
  // connections HTTP has seen: one still silent, or in its TLS handshake, held close() for two minutes.
  const open = new Set<Socket>();
  const closeAll = server.closeAllConnections.bind(server);
  server.closeAllConnections = () => {
    for (const socket of open) socket.destroy();
    closeAll();
  };
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    const ignore = () => socket.destroy();
    // The first bytes, kept until it is clear what the client speaks, then put back for TLS (whose
    // socket reads what the raw one has buffered before its own reads).
    let seen: Buffer = Buffer.alloc(0);
    const toTls = () => {
      done();
      if (seen.length > 0) socket.unshift(seen);
      for (const listener of tlsListeners) listener.call(server, socket);
    };
    const timer = setTimeout(toTls, SNIFF_MS);
    const sniff = () => {
      const chunk = socket.read() as Buffer | null;
      if (chunk === null) return;
      seen = seen.length > 0 ? Buffer.concat([seen, chunk]) : chunk;
      const head = seen.subarray(0, HEAD_MAX).toString('latin1');
      if (seen[0] === TLS_HANDSHAKE) return toTls();
      // Looked at again with the next piece, until SNIFF_MS.
      if (seen.length < HEAD_MAX && REQUEST_LINE_START.test(head)) return;
      if (!REQUEST_LINE.test(head)) return toTls();
      done();
      socket.on('error', ignore);
      socket.resume();
      socket.setTimeout(LINGER_MS, ignore);
      socket.end(answer(httpsOrigin(head, socket)));
    };
    function done(): void {
      clearTimeout(timer);
      socket.off('readable', sniff);
      socket.off('error', ignore);
    }
    socket.on('error', ignore);
    socket.on('readable', sniff);
    socket.once('close', done);
  });
}

// The origin the client meant, from its Host header when it is a plain host[:port]; else the address
// the connection came in on.
function httpsOrigin(head: string, socket: Socket): string {
  const host = /\r?\nhost:[ \t]*([^\r\n]*)/i.exec(head)?.[1]?.trim();
  if (host && /^(\[[0-9a-f:.]+\]|[\w.-]+)(:\d{1,5})?$/i.test(host)) return `https://${host}`;
  const address = socket.localAddress ?? '127.0.0.1';
  return `https://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
}
