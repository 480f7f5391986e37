import { isFinal } from '../../../contract/index.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { type Exchange, errorCode, exchangeTitle, retryAfterOf } from '../../http/exchange.ts';
import { dateSlack } from '../../http/retry-after-slack.ts';
import type { FailedCall, ServerFailurePolicy } from '../../http/server-failure-policy.ts';
import { ServerFailureError } from './server-failure-error.ts';
import { waitForTarget } from './target-wait.ts';
import type { TenantState } from './tenant-state.ts';

// A tenant may answer any call with a passing server failure, a 5xx to retry (docs/contract.md#error-codes);
// judged as the answer, one such 500 failed the requirement of the call it met. A call that changes
// nothing on a lawful target (a read, a list, a cancel of an id made up, malformed or found final, or
// sent without the caller's own token) is asked again once, after the answer's Retry-After or a short
// pause, and the second answer is judged: a 500 twice is the target's answer (a 502, 503 or 504 twice
// is an outage, no verdict). A call that may have taken effect (a cancel of an action this run
// started, a scan) is not: the test ends without a verdict.
export const SERVER_FAILURE_PAUSE_MS = 1_000;
// A longer Retry-After is an outage, not a passing failure: asking sooner would judge it too early.
const SERVER_FAILURE_MAX_WAIT_S = 60;

// `reader`: a client whose GET says what became of an action whose cancel failed.
export function tenantServerFailures(state: TenantState, reader: () => ApiClient): ServerFailurePolicy {
  return {
    async beforeAskingAgain(call, answer) {
      const title = titleOf(answer);
      const effect = mayHaveActed(state, call);
      if (effect)
        throw noVerdict(
          new ServerFailureError(`${title}: ${effect}; run again${await readBack(reader, call)}`),
        );
      const retryAfter = retryAfterOf(answer);
      // A date may read 2 s past the minute it names (rounded up, against a cached Date).
      if (retryAfter !== undefined && retryAfter > SERVER_FAILURE_MAX_WAIT_S + dateSlack(answer))
        throw noVerdict(
          new ServerFailureError(
            `${title}: a server failure asking to wait ${retryAfter} s, past the ${SERVER_FAILURE_MAX_WAIT_S} s the suite waits to ask again; run again later`,
          ),
        );
      const waitMs = retryAfter !== undefined && retryAfter > 0 ? retryAfter * 1000 : SERVER_FAILURE_PAUSE_MS;
      await waitForTarget(state.clock, waitMs);
    },
    // A 502, 503 or 504 says the service, or a gateway before it, cannot answer now (RFC 9110 15.6):
    // twice in a row it is an outage that lasted, not the target's answer to the call. A 500 twice is.
    afterAskingAgain(_call, answer) {
      if (!UNAVAILABLE.includes(answer.status)) return;
      throw noVerdict(
        new ServerFailureError(
          `${titleOf(answer)}: the service was unavailable when asked again too; run again later`,
        ),
      );
    },
  };
}

const UNAVAILABLE = [502, 503, 504];

// Why a 5xx to this call leaves its effect unknown, or undefined when a lawful target changed nothing.
function mayHaveActed(state: TenantState, call: FailedCall): string | undefined {
  if (call.operationId === 'RunAntiVirusScan')
    return 'a server failure to a scan, which may have started it all the same (the teardown looks for it)';
  if (call.operationId !== 'CancelMachineAction' || !call.callerToken) return undefined;
  const entry = call.id === undefined ? undefined : state.created.get(call.id);
  if (!entry || (entry.lastStatus !== undefined && isFinal(entry.lastStatus))) return undefined;
  return 'a server failure to a cancel of an action this run started: whether it took effect is unknown';
}

// What a GET of the action shows now, for the line: said, never judged. Last, as a report may cut it.
async function readBack(reader: () => ApiClient, call: FailedCall): Promise<string> {
  if (call.operationId !== 'CancelMachineAction' || call.id === undefined) return '';
  try {
    const res = await reader().get(call.id);
    const status = (res.body as { status?: unknown } | undefined)?.status;
    return res.status === 200 && typeof status === 'string'
      ? ` (a GET now reads it ${status})`
      : ` (a GET now answers ${res.status})`;
  } catch {
    return ' (a GET of it was lost too)';
  }
}

// "POST /api/machineactions/{id}/cancel → 500 InternalServerError": the code when it looks like one.
function titleOf(answer: Exchange): string {
  const code = errorCode(answer);
  const printable = code && /^[A-Za-z][A-Za-z0-9_.]{0,63}$/.test(code) ? ` ${code}` : '';
  return `${exchangeTitle(answer)}${printable}`;
}
