import type { Token } from '../../identity/client-secret-flow.ts';

// At most this long before a token's end (or half its life, if shorter) it is renewed.
export const RENEW_MARGIN_SECONDS = 600;

interface Lease {
  token: Promise<Token>;
  // Seconds the virtual clock had been moved when the token was asked for.
  movedAt: number;
  expiresIn?: number;
}

// The tokens of one emulator driver, which live on the target's virtual clock. A token is kept until
// the clock's moves have used up its life but a margin: renewing every token on every move cost
// RATE.HOUR a new token (an RS256 signature) per simulated minute, for tokens that live an hour.
// Without a move nothing is renewed, as a test lasts minutes of real time at most.
export class TokenLeases<K> {
  #moved = 0;
  readonly #leases = new Map<K, Lease>();

  // The token held for `key`, or a new one from `acquire`. Synchronous until the promise: a burst of
  // calls shares one token. `keep` holds a token whatever the clock does (the deliberately expired).
  get(key: K, acquire: () => Promise<Token>, keep = false): Promise<string> {
    let lease = this.#leases.get(key);
    if (!lease || (!keep && this.#spent(lease))) {
      const fresh: Lease = { token: acquire(), movedAt: this.#moved };
      fresh.token.then(
        (token) => {
          fresh.expiresIn = token.expiresIn;
        },
        () => {
          if (this.#leases.get(key) === fresh) this.#leases.delete(key);
        },
      );
      this.#leases.set(key, fresh);
      lease = fresh;
    }
    return lease.token.then((token) => token.accessToken);
  }

  // The virtual clock moved forward.
  moved(seconds: number): void {
    this.#moved += seconds;
  }

  #spent(lease: Lease): boolean {
    if (lease.expiresIn === undefined) return false;
    const used = this.#moved - lease.movedAt;
    const margin = Math.min(RENEW_MARGIN_SECONDS, lease.expiresIn / 2);
    return used > 0 && used >= lease.expiresIn - margin;
  }
}
