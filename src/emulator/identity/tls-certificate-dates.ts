import { X509Certificate } from 'node:crypto';
import { systemTime, type TimeSource } from '../clock/virtual-clock.ts';

// One's own certificate (--tls-cert) outside its dates: every client then fails its handshake, which
// reads as an emulator that is down. Warned of, not refused: a team may test exactly that failure.
// Real time, as TLS clients check it.
export function tlsCertificateDatesWarning(
  certPem: string,
  certFile: string,
  time: TimeSource = systemTime,
): string | undefined {
  const certificate = new X509Certificate(certPem);
  const from = Date.parse(certificate.validFrom);
  const to = Date.parse(certificate.validTo);
  const now = time.now();
  const dates = `valid from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}`;
  if (now > to)
    return `warning: the certificate in ${certFile} has expired (${dates}); TLS clients will refuse it`;
  if (now < from)
    return `warning: the certificate in ${certFile} is not valid yet (${dates}); TLS clients will refuse it`;
  return undefined;
}
