// Ids that can name no machine action, each malformed in its own way (CANCEL.BADID; the contract's
// "malformed id" section): the conformance suite and the calibration's differential probe send these.
export const MALFORMED_IDS = [
  'not-a-guid',
  '12345',
  'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
  'a'.repeat(80),
  // Longer than a lookup's id parameter may hold (an nvarchar(128) that throws, a 500), and shorter
  // than 260, the path segment http.sys takes by default (past it, its own HTML 400 answers, not the API).
  'b'.repeat(250),
  // Punctuation a GUID never has, and nothing a web application firewall in front of a tenant would
  // block (an SQL-looking id may meet its HTML 403 instead of the API).
  'abc;def',
  // Letters outside ASCII (sent percent-encoded as UTF-8): an id echoed into a header breaks on them.
  'ünïcödé-äctïön',
] as const;
