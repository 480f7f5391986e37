import { redactText } from './redaction/redact.ts';

// The harness's own errors. The class says what kind of problem it is and `category` what it means
// for a verdict; the message says what is wrong and how to fix it, without the class name (printers
// add `name`), and passes through redactText so no secret or token reaches a log or a report.

// target: the target (API, token endpoint, control protocol, wire) did not let the suite judge it.
// suite: the suite itself broke or refused to go on. not-applicable: the target cannot exercise it.
export type ErrorCategory = 'target' | 'suite' | 'not-applicable';

export abstract class HarnessError extends Error {
  abstract readonly code: string;
  abstract readonly category: ErrorCategory;
  constructor(message: string, options?: { cause?: unknown }) {
    super(redactText(message), options && { cause: redactedCause(options.cause) });
    this.name = new.target.name;
  }
}

// Reporters print an error's cause beneath it ("[cause]: ..."), message and stack: Playwright's
// request context puts its call log, with the request's Authorization header, into its error's
// message, so a lost exchange would write the bearer token into junit.xml. The cause keeps its name,
// code and chain, with every text passed through redactText.
function redactedCause(cause: unknown, depth = 0): unknown {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? redactText(cause) : cause;
  if (cause instanceof HarnessError) return cause;
  const copy = new Error(redactText(cause.message), {
    ...(cause.cause !== undefined && depth < 4 ? { cause: redactedCause(cause.cause, depth + 1) } : {}),
  });
  copy.name = cause.name;
  copy.stack = cause.stack === undefined ? undefined : redactText(cause.stack);
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}

export interface ConfigProblem {
  // The environment variable at fault.
  variable: string;
  // What is wrong and how to fix it, one sentence.
  problem: string;
}

// Invalid configuration; holds every problem found, one line each.
export class ConfigError extends HarnessError {
  readonly code = 'CONFIG_INVALID';
  readonly category = 'suite';
  readonly problems: readonly ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(problems.map((p) => `ConfigError: ${p.variable} ${p.problem}`).join('\n'));
    this.problems = problems.map((p) => ({ variable: p.variable, problem: redactText(p.problem) }));
  }
  // One line per problem, for a terminal.
  lines(): string[] {
    return this.message.split('\n');
  }
}

// The target (API, token endpoint or control protocol) does not answer usefully.
export class TargetUnreachableError extends HarnessError {
  readonly code: string = 'TARGET_UNREACHABLE';
  readonly category = 'target';
  constructor(
    readonly url: string,
    readonly reason: string,
    fix: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${reason}. ${fix}`, options);
  }
}

// The target answered the preflight, but not as docs/interfaces.md says (the clock's 500, a token that
// is no JWT): reached, so "unreachable" sent an emulator's author to check the URL. Still stops the run
// as a target it cannot judge (exit 3), as its parent does.
export class TargetAnswerError extends TargetUnreachableError {
  override readonly code = 'TARGET_ANSWER';
}

// The API refused (401 or 403) a token the token endpoint issued to the operator app: its permissions
// or the scope are to fix (exit 2), or every test would read the API's lawful refusal as a failure.
export class ApiAccessError extends HarnessError {
  readonly code = 'API_ACCESS';
  readonly category = 'suite';
}

// One exchange with the API was lost on the wire: reset, refused, no answer in time, or an answer
// cut short. Nothing can be concluded from it about the contract.
export class TransportError extends HarnessError {
  readonly code = 'TRANSPORT';
  readonly category = 'target';
  constructor(
    // "POST /api/machineactions/{id}/cancel"
    readonly exchange: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${exchange}: ${reason}`, options);
    // The wire's fault, not the suite's: as for a control protocol error below.
    framesOnlyWithDebug(this);
  }
}

// The target or the configuration cannot exercise a requirement; need() turns it into a skip.
export class NotApplicableError extends HarnessError {
  readonly code = 'NOT_APPLICABLE';
  readonly category = 'not-applicable';
  constructor(readonly reason: string) {
    super(reason);
  }
}

// A call to a real tenant would exceed the share of the documented quota this run may use.
export class QuotaExceededError extends HarnessError {
  readonly code = 'QUOTA_EXCEEDED';
  readonly category = 'suite';
}

// A write the safety switches do not allow (tenant mode), refused before anything is sent.
export class SafetyInterlockError extends HarnessError {
  readonly code = 'SAFETY_INTERLOCK';
  readonly category = 'suite';
}

// A refusal mid-run: the emulator answered the preflight, so it stopped (crashed, was killed, or was
// restarted on another port). Said with what to do, as the preflight's own refusal is.
const STOPPED = ': the emulator stopped listening; check that it still runs';

// The emulator control protocol answered something other than docs/interfaces.md#control-protocol, or
// did not answer at all.
export class ControlProtocolError extends HarnessError {
  readonly code = 'CONTROL_PROTOCOL';
  readonly category = 'target';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    readonly detail: string,
    // `remembered`: an absence an earlier test of the run met (absent-endpoints.ts), not asked again.
    // `lasting`: a 2xx the emulator will give again, as wrong (a clock that does not move, a seed with
    // no action): remembered for the run as an absence is.
    options?: { cause?: unknown; remembered?: boolean; lasting?: boolean },
  ) {
    // No answer is an exchange lost (the emulator stopped or hung), not a protocol it got wrong: the
    // pointer would send its author looking for a bug, and push what was lost out of the report's line.
    super(
      status === undefined
        ? `${url} did not answer: ${detail}${detail === 'connection refused' ? STOPPED : ''}`
        : // Short: a report line keeps it whole beside the URL and the answer (reason-line.ts). A detail
          // that names its own section of the docs ends with it (bare or in parentheses): the generic
          // pointer would take its place.
          /docs\/[^\s)]+\)?\.?$/.test(detail)
          ? `${url} answered ${status}: ${detail}`
          : `${url} answered ${status}: ${detail}. The emulator must answer as docs/interfaces.md#control-protocol says.`,
      options,
    );
    // The emulator's fault, not the suite's: Playwright prints the line for each test it ended, without
    // a stack and code frame of the suite's client (DEBUG=1 keeps them).
    framesOnlyWithDebug(this);
    this.remembered = options?.remembered ?? false;
    this.lasting = options?.lasting ?? false;
  }
  readonly remembered: boolean;
  readonly lasting: boolean;
}

// An error the target caused, or one Playwright itself prints (a preflight failing in a plain
// `npx playwright test`'s global setup): its name and message, as npm run conformance prints it,
// without the runner's code frame and stack of every cause; DEBUG keeps them.
export function framesOnlyWithDebug<E extends HarnessError>(error: E): E {
  if (!process.env.DEBUG) withoutFrames(error);
  return error;
}

// An error and its causes as their lines alone ("WireLoss: connection reset ..."): Playwright prints
// each cause beneath the error with its stack, frames of the suite's client and of Node.
function withoutFrames(error: Error): void {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++)
    e.stack = `${e.name}: ${e.message}`;
}

// Errors the user can fix: printed as their name and message alone, never with a stack trace.
export function isUserError(error: unknown): error is HarnessError {
  return error instanceof HarnessError;
}

// "TargetUnreachableError: http://127.0.0.1:9: connection refused. Check ..." for a terminal.
export function describeError(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof Error) return `${error.name}: ${redactText(error.message)}`;
  return redactText(String(error));
}
