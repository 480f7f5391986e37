import type { Contract } from '../contract/index.ts';
import type { SigningKey } from './auth/signing-key.ts';
import type { Caller, TokenVerifier } from './auth/token-verifier.ts';
import type { VirtualClock } from './clock/virtual-clock.ts';
import type { WireError } from './error-catalogue.ts';
import type { FaultSet } from './faults.ts';
import type { ResolvedOptions } from './options.ts';
import type { Profile } from './profiles.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';
import type { EmulatorState } from './state/emulator-state.ts';

// Everything one emulator instance owns, handed to each route when it is registered.
export interface EmulatorContext {
  options: ResolvedOptions;
  profile: Profile;
  faults: FaultSet;
  clock: VirtualClock;
  state: EmulatorState;
  key: SigningKey;
  verifier: TokenVerifier;
  limiter: RateLimiter;
  contract: Contract;
  // package.json version, for /_emulator/info.
  version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    // Virtual time the request arrived; the Date header and an HTTP-date Retry-After both use it.
    receivedAtMs: number;
    // Set by the API guard once the token is verified.
    caller: Caller | null;
    // throttled-still-cancels fault: the 429 the cancel handler sends after cancelling anyway.
    deferredThrottle: WireError | null;
  }
  interface FastifyInstance {
    emulator: EmulatorContext;
  }
}
