// The two lawful readings this emulator can give of every open point of docs/contract.md#open-points.
// Written from the docs alone, each choice differs between `a` and `b` and, where the docs name the
// reference emulator's default reading, from that too: a suite that passes both was not fitted to one.
// (cancel-answer-status has only two readings and the default takes one: both variants answer
// "as-before", and differ in how long the change takes to show. retry-after-value: `a` names the whole
// window, whose HTTP-date reads longest against its lagging Date, 62 s, the edge the contract allows;
// `b` the time remaining, as the default does, but of windows aligned to the clock.)

export type VariantName = 'a' | 'b';

export interface Refusal {
  status: number;
  code: string;
}

export interface Variant {
  name: VariantName;
  // final-state-cancel: a cancel of a Succeeded, Failed, TimeOut or Cancelled action.
  finalStateCancel: Refusal;
  // cancel-answer-status: whether the cancel's 200 already shows Cancelled.
  cancelAnswerStatus: 'cancelled' | 'as-before';
  // With "as-before": virtual time from the 200 until reads show the cancel ("Cancelled shortly
  // after"); until then the action reads, and behaves, as before. 0: on the next read.
  cancelShowsAfterMs: number;
  // cancel-without-comment and cancel-without-body: one answer for `{}` and for no body at all.
  cancelWithoutComment: 'accepted' | Refusal;
  // body-without-content-type: a non-empty body sent with no Content-Type.
  bodyWithoutContentType: 'accepted' | Refusal;
  // body-with-wrong-content-type: must be a refusal (400 or 415).
  bodyWithWrongContentType: Refusal;
  // unknown-id: the code of the 404 for a well-formed id naming no action (or another tenant's).
  unknownIdCode: 'NotFound' | 'ResourceNotFound';
  // malformed-id: the answer to an id that is not a GUID.
  malformedId: Refusal;
  // retry-after-form and retry-after-value.
  retryAfterForm: 'delta-seconds' | 'http-date';
  retryAfterValue: 'time-remaining' | 'whole-window';
  // With the minute and the hour window both full, the longer wait, or the first window's (the
  // minute's): which one a target names is open (retry-after-value, "Both windows full").
  retryAfterWhenBothFull: 'longer' | 'first';
  // rate-limit-keying (an open question, docs/contract.md#rate-limit-keying): calls under /api/v1.0
  // counted in the windows of the same operation under /api (as the reference emulator counts them), or
  // in windows of their own.
  versionedWindows: 'shared' | 'own';
  // rate-window: this emulator has no sliding log (the reference's default), only fixed windows.
  rateWindow: 'fixed-from-first-call' | 'fixed-clock-aligned';
  // timestamp-precision: fractional-second digits, 0 or 3 (what a millisecond clock can say).
  timestampDigits: 0 | 3;
  // json-media-type.
  jsonContentType: string;
  odataVersion: string | null;
  // error-target: a fresh GUID in error.target.
  errorTarget: boolean;
  // odata-context.
  odataContext: boolean;
  // extra-members: members the schemas do not name, in entities and in errors.
  extraEntityMembers: Readonly<Record<string, unknown>>;
  errorInnerError: boolean;
  // www-authenticate: RFC 6750's challenge on every 401, or none.
  wwwAuthenticate: boolean;
  // unauthorized-body (an open question): for a credential that is there but bad, ASP.NET's stock
  // `{"Message": ...}` or a bare 401 (the reference emulator sends the envelope); a missing
  // Authorization still gets the envelope (AUTH.MISSING demands it).
  unauthorizedBody: 'stock-for-bad-credentials' | 'bare-for-bad-credentials';
  // The 403 to a valid token issued for another resource (docs/contract.md#audience): its body is as
  // undocumented as a bad token's 401. The error envelope, or ASP.NET's stock `{"Message": ...}` of an
  // authorization filter that refuses the token before the API's own code runs.
  foreignAudienceBody: 'envelope' | 'stock';
  // A token with no role at all (docs/contract.md#permissions): the 403 of any token lacking a role, or
  // refused while authenticating, as Microsoft.Identity.Web does (a 401 as for a bad token).
  rolelessToken: 'forbidden' | 'unauthenticated';
  // duplicate-create: 400 ActiveRequestAlreadyExists, or the running action (with this status: the
  // status of that answer is unknown, docs/contract.md#active-request-message).
  duplicateCreate: 'reject' | { existingStatus: 200 | 201 };
  // A new action: 201 (documented), or 200 as some pages show (docs/contract.md#duplicate-create).
  newActionStatus: 200 | 201;
  // connection and framing.
  connection: 'keep-alive' | 'close';
  framing: 'content-length' | 'chunked';
  // Content coding: none, or chosen from the request's Accept-Encoding, any coding (zstd) when it has
  // none (content-coding.ts). Not an open point: HTTP's own latitude, which no verdict may depend on.
  contentCoding: 'none' | 'negotiated';
  // When a device moves an active action's last update is undocumented (docs/contract.md#machine-action-fields):
  // a read shows the device's latest report, one every this many ms of virtual time, while the action
  // is Pending or InProgress; null: the last update moves only with the action's status.
  deviceReportsEveryMs: number | null;
  // Open questions with no profile point (docs/contract.md#route-case, #list-order).
  routeCaseInsensitive: boolean;
  listNewestFirst: boolean;
  // A list's `@odata.nextLink` and unasked `@odata.count` written as null, as a serializer that writes
  // every member does, or left out (docs/contract.md#list-order).
  listNullPagingMembers: boolean;
  // Server-driven paging (docs/contract.md#list-order): at most this many rows a page, the rest behind
  // an `@odata.nextLink` written relative, as OData lets a payload's URLs be (JSON Format 4.0, 4.3);
  // null: one page.
  listPageSize: number | null;
  // Virtual time one API call takes. A real server's clock moves while it serves, so its calls land
  // mid-second: with an HTTP-date Retry-After rounded up, that is the case the suite must allow
  // (retry-after-form). Counted on the virtual clock, never slept.
  serviceTimeMs: number;
  // The token answer's ext_expires_in: the docs' sample shows 0, Entra ID today 3599.
  extExpiresIn: number;
  // How far behind the clock the Date header may be: Kestrel stamps it from a value its heartbeat
  // refreshes once a second (docs/contract.md#retry-after-form). 0: the clock's own second.
  dateLagMs: number;
}

export const VARIANTS: Readonly<Record<VariantName, Variant>> = {
  a: {
    name: 'a',
    finalStateCancel: { status: 409, code: 'Conflict' },
    cancelAnswerStatus: 'as-before',
    cancelShowsAfterMs: 0,
    cancelWithoutComment: { status: 400, code: 'MissingRequiredParameter' },
    bodyWithoutContentType: 'accepted',
    bodyWithWrongContentType: { status: 400, code: 'BadRequest' },
    unknownIdCode: 'ResourceNotFound',
    malformedId: { status: 400, code: 'BadRequest' },
    retryAfterForm: 'http-date',
    retryAfterValue: 'whole-window',
    retryAfterWhenBothFull: 'longer',
    versionedWindows: 'own',
    rateWindow: 'fixed-from-first-call',
    timestampDigits: 3,
    jsonContentType: 'application/json',
    odataVersion: null,
    errorTarget: false,
    odataContext: false,
    extraEntityMembers: {},
    errorInnerError: false,
    wwwAuthenticate: true,
    unauthorizedBody: 'stock-for-bad-credentials',
    foreignAudienceBody: 'stock',
    rolelessToken: 'forbidden',
    duplicateCreate: 'reject',
    newActionStatus: 201,
    connection: 'keep-alive',
    framing: 'chunked',
    contentCoding: 'negotiated',
    deviceReportsEveryMs: 10_000,
    routeCaseInsensitive: true,
    listNewestFirst: false,
    listNullPagingMembers: true,
    listPageSize: null,
    serviceTimeMs: 7,
    extExpiresIn: 3599,
    dateLagMs: 999,
  },
  b: {
    name: 'b',
    // 405 with an empty Allow: a final action allows no method (RFC 9110 15.5.6 wants Allow on a 405).
    finalStateCancel: { status: 405, code: 'MethodNotAllowed' },
    // The reference's default shows Cancelled in the 200; this one only two virtual seconds later.
    cancelAnswerStatus: 'as-before',
    cancelShowsAfterMs: 2000,
    cancelWithoutComment: 'accepted',
    bodyWithoutContentType: { status: 400, code: 'InvalidRequestBody' },
    bodyWithWrongContentType: { status: 415, code: 'UnsupportedMediaType' },
    unknownIdCode: 'NotFound',
    malformedId: { status: 404, code: 'NotFound' },
    retryAfterForm: 'delta-seconds',
    retryAfterValue: 'time-remaining',
    retryAfterWhenBothFull: 'first',
    versionedWindows: 'shared',
    rateWindow: 'fixed-clock-aligned',
    timestampDigits: 0,
    jsonContentType: 'application/json; odata.metadata=minimal; charset=utf-8',
    odataVersion: '4.0',
    errorTarget: true,
    odataContext: true,
    extraEntityMembers: { investigationId: null, fileInstances: [], isAsync: false },
    errorInnerError: true,
    wwwAuthenticate: false,
    unauthorizedBody: 'bare-for-bad-credentials',
    foreignAudienceBody: 'envelope',
    rolelessToken: 'unauthenticated',
    duplicateCreate: { existingStatus: 200 },
    newActionStatus: 200,
    connection: 'close',
    framing: 'content-length',
    contentCoding: 'none',
    deviceReportsEveryMs: null,
    routeCaseInsensitive: false,
    listNewestFirst: true,
    listNullPagingMembers: false,
    // One row a page: newest first, a device's older action (CANCEL.PERSIST of another type) is on page 2.
    listPageSize: 1,
    serviceTimeMs: 0,
    extExpiresIn: 0,
    dateLagMs: 0,
  },
};

export function variantNamed(name: string): Variant {
  const variant = (VARIANTS as Record<string, Variant | undefined>)[name];
  if (!variant) throw new Error(`Unknown variant "${name}": use one of ${Object.keys(VARIANTS).join(', ')}`);
  return variant;
}
