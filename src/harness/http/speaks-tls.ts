import { connect } from 'node:tls';

// An http:// URL for an https:// service (`npm run emulator -- --https` with the default
// MDE_API_BASE_URL): the server drops the plain request (or answers it 400), which alone reads as a
// target that is down (or one that does not speak the control protocol).
export const TLS_ANSWER = 'the target speaks TLS, not plain HTTP (an http:// URL for an https:// service)';

// Whether the host and port of `url` complete a TLS handshake. The certificate is not judged here:
// only whether the service speaks TLS at all.
export function speaksTls(url: string, timeoutMs: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({
      host: hostname.replace(/^\[(.*)\]$/, '$1'),
      port: Number(port || 80),
      rejectUnauthorized: false,
    });
    const timer = setTimeout(() => done(false), timeoutMs);
    function done(answer: boolean): void {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    }
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
