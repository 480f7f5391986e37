import type { Contract } from '../contract/index.ts';
import type { Admission } from './auth/api-guard.ts';
import type { SigningKey } from './auth/signing-key.ts';
import type { TokenVerifier } from './auth/token-verifier.ts';
import type { VirtualClock } from './clock/virtual-clock.ts';
import type { FaultSet } from './faults/fault-set.ts';
import type { ResolvedOptions } from './options.ts';
import type { EmulatorProfile } from './profiles/load-profile.ts';
import type { RateLimiter } from './rate-limit/rate-limiter.ts';
import type { EmulatorState } from './state/emulator-state.ts';

// Everything one emulator instance owns, handed to each route when it is registered.
export interface EmulatorContext {
  options: ResolvedOptions;
  // The readings of the open points this emulator answers by.
  profile: EmulatorProfile;
  // The faults switched on, resolved into what each seam reads.
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
    // Virtual time the request arrived; the Date header, the rate windows and Retry-After all read it.
    receivedAtMs: number;
    // Set by the API guard (auth/api-guard.ts) before the handler runs.
    admission: Admission | null;
    // The body held bytes that are not UTF-8 (app.ts's body parser); http/request-body.ts refuses it.
    bodyNotUtf8: boolean;
  }
  interface FastifyInstance {
    emulator: EmulatorContext;
  }
}
