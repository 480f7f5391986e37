import type { Exchange } from './exchange.ts';

// What a client does with a read (GET, list) answered 429 outside the rate tests. Only a tenant's
// clients have one (tenant-throttled-reads.ts): an emulator's quota is the suite's alone, so its 429 is
// an answer to judge.
export interface ThrottledReadPolicy {
  // Resolves true once the read may be asked again (once), false to keep the 429 as the answer.
  askAgain(answer: Exchange): Promise<boolean>;
}
