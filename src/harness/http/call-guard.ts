import type { Exchange } from './exchange.ts';

// Consulted before each call; the tenant driver uses it for the quota ledger and the write interlocks.
export interface CallGuard {
  // May answer what to do once the call is answered or lost (the quota ledger counts it from then).
  beforeCall(call: {
    caller: string;
    operationId: string;
    method: string;
    id?: string;
    // Sent without a token (no Authorization, or a scheme alone): no tenant can count it against an app
    // (nor its tenant), whichever way it counts its limits (docs/contract.md#rate-limit-keying).
    anonymous?: boolean;
  }): Promise<undefined | (() => void)>;
  // Every answer, once checked: the tenant ledger learns the status of the actions it created.
  afterCall?(exchange: Exchange, call: AnsweredCall): void;
  // A tenant's 5xx is a passing failure a client asks again, not an answer (docs/contract.md#server-failures):
  // the checks made on every exchange judge one only as the second answer of a call asked again.
  readonly serverFailuresPass?: boolean;
}

// Who made an answered call, and whether with its own token at the unversioned path.
export interface AnsweredCall {
  caller: string;
  ownToken: boolean;
  versioned: boolean;
}
