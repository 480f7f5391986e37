import { framesOnlyWithDebug, type HarnessError, TransportError } from '../errors.ts';
import { recordFinding } from './record-finding.ts';

// Marks the running test as having reached no verdict because of `error`, and hands the error back to
// be thrown: `throw noVerdict(new ControlProtocolError(...))`. The reporter then shows the test as
// errored, with this line, whatever Playwright makes of the exception.
export function noVerdict<E extends HarnessError>(error: E): E {
  const cause = error instanceof TransportError ? 'wire' : error.category === 'target' ? 'target' : 'suite';
  recordFinding({ kind: 'no-verdict', cause, code: error.code, text: error.message });
  // Its line says what to fix: Playwright printed each such test with a code frame of the suite's
  // client and the stack of every cause (36 of them for an MDE_QUOTA_SHARE used up). DEBUG keeps them.
  return framesOnlyWithDebug(error);
}
