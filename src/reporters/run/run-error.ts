import type { TestError } from '@playwright/test/reporter';
import {
  ControlProtocolError,
  TargetAnswerError,
  TargetUnreachableError,
  TransportError,
} from '../../harness/errors.ts';
import { reasonLine } from '../compliance/reason-line.ts';
import type { RunError } from '../records/test-record.ts';

// Errors of the target's side, by class: a run error (outside any test, e.g. the global set-up) of
// one of these means the target could not be judged; anything else means the suite broke.
const TARGET_SIDE = new Set([
  TargetUnreachableError.name,
  TargetAnswerError.name,
  ControlProtocolError.name,
  TransportError.name,
]);

// Playwright's whole word on a selection that matched nothing; compliance.md's run error must say what
// to check instead.
const NO_TESTS = /^(?:Error: )?No tests found/;
const NO_TESTS_LINE =
  'No tests found: no test matched what the command line selected (--grep, file names, --last-failed, ...); check it, or list the tests with `npm run conformance -- --list`';

// A run error as the reports show it. Playwright hands the error over serialized, its class name in
// front of the message ("TargetUnreachableError: ..."), so the class is read from there.
export function runErrorOf(error: TestError): RunError {
  const text = error.message ?? error.value ?? 'unknown error';
  const className = /^(\w+):/.exec(text)?.[1] ?? '';
  return {
    category: TARGET_SIDE.has(className) ? 'target-unreachable' : 'suite-error',
    line: NO_TESTS.test(text) ? NO_TESTS_LINE : reasonLine(text),
  };
}
