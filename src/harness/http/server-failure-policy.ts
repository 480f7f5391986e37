import type { Exchange } from './exchange.ts';

// A call answered 5xx, for the policy to tell whether it may have taken effect. `callerToken`: sent with
// the caller's own Authorization (not none, nor one a test forged), so a lawful target may have served it.
export interface FailedCall {
  operationId: string;
  method: string;
  id?: string;
  callerToken: boolean;
}

// What a client does with a 5xx, a server failure worth retrying (docs/contract.md#error-codes). Only
// a tenant's clients have one (tenant-server-failures.ts); an emulator's 5xx is its answer, judged.
export interface ServerFailurePolicy {
  // Resolves when the call may be asked again, once; throws (through noVerdict) to end the test.
  beforeAskingAgain(call: FailedCall, answer: Exchange): Promise<void>;
}
