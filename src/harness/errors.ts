import { redactText } from './redaction/redact.ts';

// The harness's own errors. Each message says what is wrong, where, and how to fix it, and passes
// through redactText so no secret or token can reach a log, a report or a terminal.

export abstract class HarnessError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(redactText(message));
    this.name = new.target.name;
  }
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
  readonly code = 'TARGET_UNREACHABLE';
  constructor(
    readonly url: string,
    readonly cause_: string,
    fix: string,
  ) {
    super(`TargetUnreachableError: ${url}: ${cause_}. ${fix}`);
  }
}

// The target or the configuration cannot exercise a requirement; need() turns it into a skip.
export class NotApplicableError extends HarnessError {
  readonly code = 'NOT_APPLICABLE';
  constructor(readonly reason: string) {
    super(reason);
  }
}

// A call to a real tenant would exceed the share of the documented quota this run may use.
export class QuotaExceededError extends HarnessError {
  readonly code = 'QUOTA_EXCEEDED';
}

// A write the safety switches do not allow (tenant mode), refused before anything is sent.
export class SafetyInterlockError extends HarnessError {
  readonly code = 'SAFETY_INTERLOCK';
}

// The emulator control protocol answered something other than what interfaces.md section 3 says.
export class ControlProtocolError extends HarnessError {
  readonly code = 'CONTROL_PROTOCOL';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    readonly detail: string,
  ) {
    super(
      `ControlProtocolError: ${url} ${status === undefined ? 'did not answer' : `answered ${status}`}: ${detail}. ` +
        'The emulator must implement the control protocol of interfaces.md section 3.',
    );
  }
}

// Errors the user can fix: printed as their message alone, never with a stack trace.
export function isUserError(error: unknown): error is HarnessError {
  return error instanceof HarnessError;
}
