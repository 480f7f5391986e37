import type { RecordMode } from './recorder.ts';

// How one call departs from the client's usual request: for the tests that send what a client must not.
export interface RequestOptions {
  // Exact body text to send instead of the JSON encoding of `body`.
  raw?: string;
  // Content-Type to send with a body; null sends none at all. Default application/json.
  contentType?: string | null;
  // Accept header to send instead of application/json (a client asking for anything sends */*); null
  // sends none, as .NET's HttpClient does unless told otherwise.
  accept?: string | null;
  // Authorization header to send instead of the caller's token; null sends none.
  authorization?: string | null;
  // Use the versioned prefix (/api/v1.0) instead of /api.
  versioned?: boolean;
  // 'quiet' still checks the exchange but attaches nothing (the rate tests' bulk calls).
  record?: RecordMode;
}
