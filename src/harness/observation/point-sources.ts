import type { OpenPointId } from '../../contract/index.ts';

// Which tests make the request that tells each open point (docs/calibration.md#points): the
// requirements they claim, or 'any' for points that answers of a kind show whatever the test. The
// observed profile says from this why a point stayed unknown (the tests were skipped, or none ran).
export interface PointSource {
  requirements: readonly string[] | 'any';
  // The telling request or answer, in a few words.
  request: string;
}

const RATE_TESTS = [
  'RATE.MINUTE',
  'RATE.RETRYAFTER',
  'RATE.RECOVER',
  'RATE.HOUR',
  'RATE.NOEFFECT',
  'RATE.WINDOW',
];

export const POINT_SOURCES: Readonly<Record<OpenPointId, PointSource>> = {
  'final-state-cancel': {
    requirements: ['CANCEL.FINAL', 'CANCEL.TIMEOUT'],
    request: 'a cancel of an action in a final state',
  },
  'cancel-answer-status': { requirements: ['CANCEL.STATUS'], request: 'a cancel of an active action' },
  'cancel-visible-after': {
    requirements: ['CANCEL.STATUS', 'CANCEL.FIELDS', 'CANCEL.PERSIST', 'CANCEL.REOPEN', 'CANCEL.NOCOMMENT'],
    request: 'a GET after a cancel, read again until it shows Cancelled',
  },
  'cancel-without-comment': { requirements: ['CANCEL.NOCOMMENT'], request: 'a cancel with the body {}' },
  'cancel-without-body': { requirements: ['CANCEL.NOCOMMENT'], request: 'a cancel with no body' },
  'body-without-content-type': {
    requirements: ['HDR.NOCONTENTTYPE'],
    request: 'a JSON cancel body without Content-Type',
  },
  'body-with-wrong-content-type': {
    requirements: ['HDR.CONTENTTYPE'],
    request: 'a cancel body sent as text/plain or application/xml',
  },
  'unknown-id': {
    requirements: ['CANCEL.NOTFOUND', 'GET.NOTFOUND', 'CANCEL.TENANT'],
    request: 'a cancel or a GET of a well-formed id the caller cannot see',
  },
  'malformed-id': { requirements: ['CANCEL.BADID'], request: 'a cancel of a malformed id' },
  'retry-after-form': { requirements: RATE_TESTS, request: 'a call past the rate limit, answered 429' },
  'retry-after-value': {
    requirements: ['RATE.WINDOW'],
    request: 'the clock probe: a 429 well into a rate window',
  },
  'rate-window': { requirements: ['RATE.WINDOW'], request: 'the clock probe: calls across a moved clock' },
  'timestamp-precision': { requirements: 'any', request: 'an answer carrying a MachineAction' },
  'json-media-type': { requirements: 'any', request: 'a 2xx JSON answer' },
  'error-target': { requirements: 'any', request: 'an error answer' },
  'odata-context': { requirements: 'any', request: 'an answer carrying a MachineAction or a collection' },
  'extra-members': {
    requirements: 'any',
    request: 'an answer carrying a MachineAction, and an error answer',
  },
  'www-authenticate': {
    requirements: ['AUTH.MISSING', 'AUTH.INVALID', 'AUTH.EXPIRED', 'AUTH.SCHEME'],
    request: 'a call without a valid token, answered 401',
  },
  'duplicate-create': {
    requirements: ['CANCEL.DUPLICATE'],
    request: 'a second scan on a device while its first is active',
  },
  connection: { requirements: 'any', request: 'any answer' },
  framing: { requirements: 'any', request: 'any answer with a body' },
};
