import { certificateHostNames } from '../../common/certificate-host-names.ts';
import { NOT_LOOPBACK } from './loopback-lookup.ts';

// An https:// URL to a server that answers plain HTTP: OpenSSL reads the HTTP answer as a TLS record
// of a "wrong version". Said in words, not as OpenSSL's error text.
export const PLAIN_HTTP_ANSWER =
  'the target answered plain HTTP to a TLS handshake (an https:// URL for an http:// service)';

// "connection refused", "DNS lookup failed", "no answer in time": the cause a person can act on, for
// errors of fetch (undici) and of node:http alike.
export function describeFetchError(error: unknown): string {
  const err = error as {
    name?: string;
    code?: string;
    message?: string;
    cause?: { name?: string; code?: string; message?: string };
  };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return 'no answer in time';
  const code = err.cause?.code ?? err.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    // loopback-lookup.ts: its message names the name, the address and what to set instead.
    case NOT_LOOPBACK:
      return err.cause?.message ?? err.message ?? 'a loopback name resolved off this machine';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS lookup failed (unknown host)';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset before the answer was complete';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'UND_ERR_SOCKET':
      return 'connection closed by the other side';
    // Trusting the certificate would not help these two: it is out of its dates, or for another name.
    case 'CERT_HAS_EXPIRED':
    case 'CERT_NOT_YET_VALID':
      return `TLS certificate problem (${code}): the target serves a certificate outside its dates; serve one valid now`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate problem (${code}): the certificate ${altNames(err.cause ?? err)}; use a host it names in the URL, or serve one for this host`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return `TLS certificate problem (${code}); trust the certificate with NODE_EXTRA_CA_CERTS`;
    // Issued by an authority Node does not trust (a company's CA, `--tls-cert` from one, a TLS-inspecting
    // proxy's). The first read as a target down ("check that it is running"): it answered.
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'UNABLE_TO_GET_ISSUER_CERT':
      return `TLS certificate problem (${code}): Node trusts no authority the certificate chains to; trust its root with NODE_EXTRA_CA_CERTS`;
    // The certificate came alone: its issuer is untrusted, or an intermediate the server did not send.
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `TLS certificate problem (${code}): the certificate came without its issuer, and Node trusts none for it; trust its root with NODE_EXTRA_CA_CERTS`;
    // fetch names it; node:https (Node 20) says EPROTO with OpenSSL's text, matched below.
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
      return PLAIN_HTTP_ANSWER;
    default:
      if (code === 'EPROTO' && /wrong version number/.test(err.cause?.message ?? err.message ?? ''))
        return PLAIN_HTTP_ANSWER;
      if (err.message === 'socket hang up') return 'connection closed before the answer';
      // Node's HTTP parser (llhttp, by fetch and node:http alike): the target sent bytes that are no
      // HTTP/1.1 answer. Its code names which part, in capitals; said in words first.
      if (code?.startsWith('HPE_'))
        return `the target's answer is not valid HTTP (${code.slice(4).toLowerCase().replaceAll('_', ' ')}, ${code})`;
      // Newer fetch (Node 24.22.3, 26) drops the code and keeps llhttp's words in parentheses.
      if (err.cause?.name === 'HTTPParserError')
        return `the target's answer is not valid HTTP (${parserWords(err.cause.message)})`;
      return code
        ? `${code} ${err.cause?.message ?? err.message ?? ''}`.trim()
        : (err.cause?.message ?? err.message ?? String(error));
  }
}

// The names the certificate holds and the host asked for, where the error carries them (Node's TLS
// check does): "names localhost, not 127.0.0.1" is the fix, where "does not name this host" left the
// reader to open the certificate. Names only: a certificate holds nothing secret.
function altNames(error: unknown): string {
  const tlsError = error as { cert?: { subjectaltname?: string }; host?: string };
  const names = certificateHostNames(tlsError.cert?.subjectaltname);
  if (!names.length || !tlsError.host) return 'does not name this host';
  return `names ${names.join(', ')}, not ${tlsError.host}`;
}

// "Response does not match the HTTP/1.1 protocol (Invalid status code)" -> "invalid status code".
function parserWords(message: string | undefined): string {
  const words = /\(([^()]+)\)\s*$/.exec(message ?? '')?.[1] ?? message ?? 'unreadable answer';
  return words.charAt(0).toLowerCase() + words.slice(1);
}
