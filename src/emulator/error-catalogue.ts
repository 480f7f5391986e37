// Every error the emulator's API answers comes from this table, keyed by the wire code. Codes and
// messages follow the "Handling REST API errors" page (docs/contract.md#errors); the few the page lacks are
// marked. Tests assert the code and status, never the message.
export const ERROR_CATALOGUE = {
  BadRequest: { status: 400, message: 'General Bad Request error message.' },
  ODataError: { status: 400, message: 'Invalid OData URI query.' },
  InvalidInput: { status: 400, message: 'Invalid input.' },
  InvalidRequestBody: { status: 400, message: 'Invalid request body.' },
  MissingRequiredParameter: { status: 400, message: 'A required parameter is missing.' },
  // Not in the table; used by the service for a second active action (docs/contract.md#duplicate-actions).
  ActiveRequestAlreadyExists: { status: 400, message: 'Action is already in progress.' },
  Unauthorized: { status: 401, message: 'Unauthorized (invalid or expired authorization header).' },
  Forbidden: { status: 403, message: 'Forbidden (valid token but insufficient permission for the action).' },
  NotFound: { status: 404, message: 'General Not Found error message.' },
  ResourceNotFound: { status: 404, message: 'Resource was not found.' },
  // Emulator additions for HTTP-level refusals the table does not cover.
  MethodNotAllowed: { status: 405, message: 'The HTTP method is not allowed on this resource.' },
  RequestTimeout: { status: 408, message: 'The request did not arrive in time.' },
  ExpectationFailed: { status: 417, message: 'Only Expect: 100-continue is met.' },
  Conflict: { status: 409, message: 'The request conflicts with the state of the resource.' },
  RequestEntityTooLarge: { status: 413, message: 'The request body is too large.' },
  UnsupportedMediaType: { status: 415, message: 'Content-Type must be application/json.' },
  RequestHeaderFieldsTooLarge: { status: 431, message: 'The URL or the headers are too large.' },
  TooManyRequests: {
    status: 429,
    message: 'Response represents reaching quota limit either by number of requests or by CPU.',
  },
  // Only the rate-wrong-code fault sends this (a plausible but wrong code).
  Throttled: { status: 429, message: 'Throttled.' },
  InternalServerError: { status: 500, message: 'Internal server error.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type WireErrorCode = keyof typeof ERROR_CATALOGUE;

export interface WireErrorOptions {
  // Overrides the catalogue status (a profile's refusal, or a fault); needed for codes not in it.
  status?: number;
  headers?: Record<string, string>;
}

// Thrown by hooks and handlers; the answer seam turns it into the envelope (http/error-answer.ts).
// The code is usually one of the catalogue's; a profile may name any other (its reading of a refusal).
export class WireError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: WireErrorCode | (string & {}),
    detail?: string,
    options: WireErrorOptions = {},
  ) {
    const known = ERROR_CATALOGUE[code as WireErrorCode] as { status: number; message: string } | undefined;
    // A wire error is an answer, not a bug: skipping the stack trace keeps refusals cheap.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail ?? known?.message ?? code);
    Error.stackTraceLimit = limit;
    this.name = 'WireError';
    this.status = options.status ?? known?.status ?? 400;
    this.headers = options.headers ?? {};
  }
}

// A profile's reading of a refusal ({status, code}) as the error to answer.
export function refusal(reading: { status: number; code: string }, detail: string): WireError {
  // RFC 9110: a 405 lists the methods the resource allows now; a final action allows none.
  const headers: Record<string, string> = reading.status === 405 ? { allow: '' } : {};
  return new WireError(reading.code, detail, { status: reading.status, headers });
}
