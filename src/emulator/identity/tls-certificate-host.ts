import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { certificateHostNames } from '../../common/certificate-host-names.ts';

// One's own certificate (--tls-cert) that does not name the host the emulator listens on and prints
// in its URL (one for localhost, behind https://127.0.0.1:...) fails every client's handshake. Warned
// of, with the names it holds and the URL that works, not refused: clients may reach the emulator by
// another name. An emulator listening on every interface is not judged: which name is its clients'.
export function tlsCertificateHostWarning(
  certPem: string,
  certFile: string,
  url: string,
): string | undefined {
  const address = new URL(url);
  const host = address.hostname.replace(/^\[|\]$/g, '');
  if (host === '0.0.0.0' || host === '::') return undefined;
  const certificate = new X509Certificate(certPem);
  if (isIP(host) ? certificate.checkIP(host) : certificate.checkHost(host)) return undefined;
  const names = certificateHostNames(certificate.subjectAltName);
  const usable = names.find((name) => !name.includes('*'));
  const instead = usable
    ? ` (${new URL(url.replace(address.hostname, isIP(usable) === 6 ? `[${usable}]` : usable)).origin})`
    : '';
  return `warning: the certificate in ${certFile} names ${names.join(', ') || 'no host'}, not ${host}, where the emulator listens; TLS clients of ${address.origin} will refuse it: give them a URL with a name it holds${instead}, or serve one that names ${host}`;
}
