import type { IncomingMessage } from 'node:http';
import type { RateLimiter } from './rate-limiter.ts';
import type { TenantStore } from './tenant-store.ts';
import type { TokenClaims, TokenSigner } from './token-signer.ts';
import type { Variant } from './variants.ts';
import type { VirtualClock } from './virtual-clock.ts';

// What every handler of one emulator shares.
export interface EmulatorContext {
  variant: Variant;
  clock: VirtualClock;
  store: TenantStore;
  signer: TokenSigner;
  limiter: RateLimiter;
}

// One authenticated, admitted API call.
export interface ApiCall {
  claims: TokenClaims;
  params: string[];
  query: URLSearchParams;
  contentType: string | undefined;
  raw: Buffer;
  // Scheme and host the caller used, for @odata.context.
  origin: string;
}

export function originOf(req: IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(id: string): boolean {
  return GUID.test(id);
}
