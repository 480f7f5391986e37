import dns, { type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { isLoopback } from '../config/hosts.ts';

// A loopback origin given by name (localhost, "localhost." as a URL may write it) is trusted as one:
// tenant mode then takes plain http and no documented host (hosts.ts). The name is the resolver's to
// answer, though, and "localhost." is no line of /etc/hosts: it goes to DNS, which may answer
// 192.0.2.1, and the client secret would have gone there in clear. Such a name is resolved here, and
// an answer holding any address off this machine is refused before a connection is made.
export const NOT_LOOPBACK = 'ENOTLOOPBACK';

// The lookup to connect with, or undefined where there is no name to resolve or no loopback promised.
export function loopbackLookupFor(hostname: string): LookupFunction | undefined {
  const host = hostname.replace(/^\[|\]$/g, '');
  return isIP(host) === 0 && isLoopback(host) ? loopbackOnlyLookup : undefined;
}

const loopbackOnlyLookup: LookupFunction = (hostname, options, callback) => {
  // Read from the module at call time, not bound at import: the tests stand in a resolver there.
  dns.lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const foreign = addresses.find(({ address }) => !onThisMachine(address));
    if (foreign || addresses.length === 0) {
      const refusal = Object.assign(
        new Error(
          `${hostname} resolved to ${foreign?.address ?? 'no address'}, not a loopback address; nothing was sent there (use http://127.0.0.1 or http://[::1] for a target on this machine)`,
        ),
        { code: NOT_LOOPBACK },
      );
      return callback(refusal, '', 0);
    }
    if (options.all) return (callback as (e: null, all: LookupAddress[]) => void)(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function onThisMachine(address: string): boolean {
  return isLoopback(address) || /^::ffff:127\./i.test(address);
}
