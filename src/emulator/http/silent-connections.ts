import type { Server } from 'node:http';
import type { Socket } from 'node:net';

// Node times out a request's headers (headersTimeout) only once its first bytes have come: a connection
// that opens and sends nothing would be kept for good, a descriptor each (a thousand silent sockets, a
// thousand descriptors, none closed). Such a connection is closed after that same time of silence.
// One that has sent anything is left to Node's own timeouts (a part-sent request gets its 408, a
// kept-alive one its keep-alive timeout), so the timer is only read when it fires: nothing is added to
// a request's path. HTTPS needs none: TLS's handshake timeout closes a silent connection (plain-http-on-tls.ts).
export function closeSilentConnections(server: Server, silenceMs: number): void {
  server.on('connection', (socket: Socket) => socket.setTimeout(silenceMs));
  // Heard, Node's HTTP server no longer destroys a socket whose timeout fires; only these timeouts are set.
  server.on('timeout', (socket: Socket) => {
    socket.setTimeout(0);
    if (socket.bytesRead === 0) socket.destroy();
  });
}
