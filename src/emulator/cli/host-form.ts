// A host written as a URL gives it (`[::1]`, `127.0.0.1:4010`, `http://127.0.0.1`): listening on it
// failed as "no such address or name to listen on (ENOTFOUND)", which does not say that the form is
// what is wrong. The line says what to give instead; undefined for a bare name or address.
export function hostFormProblem(host: string, setting: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host))
    return `${setting} takes a host name or address, not a URL (got "${host}"): e.g. 127.0.0.1, with the port in --port.`;
  const bracketed = /^\[([^\]]*)\](:\d+)?$/.exec(host);
  if (bracketed)
    return `${setting} takes an IPv6 address without brackets (got "${host}"): give ${bracketed[1]}${bracketed[2] ? ', with the port in --port' : ''}.`;
  // One colon: a name or an IPv4 address with a port (an IPv6 address has two or more).
  const withPort = /^([^:]+):(\d+)$/.exec(host);
  if (withPort)
    return `${setting} takes the host alone (got "${host}"): give ${withPort[1]}, with the port in --port ${withPort[2]}.`;
  return undefined;
}
