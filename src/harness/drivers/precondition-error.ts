import { HarnessError } from '../errors.ts';

// A step a test needs before it can judge anything (the read of an action's state before the call
// under test, a new action becoming readable) that the target did not complete. Thrown through
// noVerdict(): the test reaches no verdict (ERROR), never FAIL, since the behaviour under test was
// never exercised.
export class PreconditionError extends HarnessError {
  readonly code = 'PRECONDITION';
  readonly category = 'target';
}
