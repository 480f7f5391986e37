import type { Exchange } from './exchange.ts';

// A call answered 5xx, for the policy to tell whether it may have taken effect. `callerToken`: sent with
// the caller's own Authorization (not none, nor a forged or foreign one), which a lawful target may serve.
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
  // The second answer, before it is judged; throws (through noVerdict) to end the test instead.
  afterAskingAgain?(call: FailedCall, answer: Exchange): void;
}

// Whether a call went with the caller's own credential (`sent` undefined: the client's default), the
// scheme in any case: the one a lawful target may serve, unlike none, a forged or a foreign one.
export async function sentWithCallerToken(
  sent: string | null | undefined,
  caller: { authorization(): Promise<string> },
): Promise<boolean> {
  if (sent === undefined) return true;
  return sent !== null && sent.replace(/^bearer\s+/i, 'Bearer ') === (await caller.authorization());
}
