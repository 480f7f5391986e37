// The host names and addresses a certificate holds, from its subjectAltName as Node prints it
// ("DNS:localhost, IP Address:127.0.0.1, URI:spiffe://..., email:..."): the entries a TLS client
// checks a host against. A URI or e-mail entry is none, and suggested as a host it made a broken URL.
export function certificateHostNames(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? '')
    .split(/,\s*/)
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry.trim())?.[1])
    .filter((name): name is string => !!name);
}
