// Deliberate violations of the contract. Each fault is a switch read at the one spot where it acts
// (`faults.has('cancel-new-id')`), and declares exactly the requirements a careful suite sees fail when
// it is on; the self-test runs the suite against every fault and compares. Keep each fault narrow: a
// fault on cancel must not change GET, a fault on the minute limit must not change the hour limit.

export interface FaultDefinition {
  name: string;
  // Requirement IDs (specs/requirements.yaml) that fail when the fault is on, and only those.
  breaks: readonly string[];
  description: string;
}

export const FAULT_CATALOGUE = [
  // --- cancel answer --------------------------------------------------------------------------
  {
    name: 'cancel-new-id',
    breaks: ['CANCEL.OK'],
    description: 'The 200 body of a cancel carries a new id; the stored action is cancelled correctly.',
  },
  {
    name: 'cancel-status-canceled',
    breaks: ['CANCEL.STATUS', 'SCHEMA.ENTITY'],
    description: "The 200 body of a cancel says status 'Canceled' (one l).",
  },
  {
    name: 'cancel-stale-fields',
    breaks: ['CANCEL.FIELDS'],
    description:
      'The 200 body says Cancelled but its cancellation fields are null and lastUpdateDateTimeUtc is not bumped; the stored action is right.',
  },
  {
    name: 'cancel-fields-missing',
    breaks: ['CANCEL.FIELDS'],
    description: 'The 200 body of a cancel has no cancellation* keys at all; the stored action is right.',
  },
  {
    name: 'cancel-requestor-empty',
    breaks: ['CANCEL.FIELDS'],
    description: 'A cancel records an empty cancellationRequestor.',
  },
  {
    name: 'cancel-date-before-creation',
    breaks: ['CANCEL.FIELDS'],
    description: 'A cancel records a cancellationDateTimeUtc one day before the creation of the action.',
  },
  {
    name: 'cancel-not-persisted',
    breaks: ['CANCEL.PERSIST', 'CANCEL.REOPEN'],
    description:
      'The 200 body of a cancel is right but the stored action is unchanged (so the device stays busy).',
  },
  // --- final states ---------------------------------------------------------------------------
  {
    name: 'final-state-cancellable',
    breaks: ['CANCEL.FINAL'],
    description: 'A Succeeded, Failed or Cancelled action can be cancelled (200, and it changes).',
  },
  {
    name: 'final-state-500',
    breaks: ['CANCEL.FINAL'],
    description: 'A cancel of a Succeeded, Failed or Cancelled action answers 500 with the error envelope.',
  },
  {
    name: 'final-state-200-unchanged',
    breaks: ['CANCEL.FINAL'],
    description: 'A cancel of a Succeeded, Failed or Cancelled action answers 200 with the action unchanged.',
  },
  {
    name: 'timeout-cancellable',
    breaks: ['CANCEL.TIMEOUT'],
    description: 'A TimeOut action can be cancelled (200, and it changes).',
  },
  // --- ids ------------------------------------------------------------------------------------
  {
    name: 'unknown-id-400',
    breaks: ['CANCEL.NOTFOUND'],
    description: 'A cancel of an id no tenant has answers 400 BadRequest.',
  },
  {
    name: 'unknown-id-200',
    breaks: ['CANCEL.NOTFOUND'],
    description: 'A cancel of an id no tenant has answers 200 with a made-up Cancelled action.',
  },
  {
    name: 'notfound-wrong-code',
    breaks: ['CANCEL.NOTFOUND'],
    description: "A cancel of an id no tenant has answers 404 with code 'BadRequest'.",
  },
  {
    name: 'malformed-id-500',
    breaks: ['CANCEL.BADID'],
    description: 'A cancel of a malformed id answers 500.',
  },
  {
    name: 'get-unknown-200',
    breaks: ['GET.NOTFOUND'],
    description: 'A GET of an id no tenant has answers 200 with a made-up action.',
  },
  { name: 'no-versioned-path', breaks: ['PATH.VERSIONED'], description: 'Nothing answers under /api/v1.0.' },
  // --- cancel body ----------------------------------------------------------------------------
  {
    name: 'bad-json-accepted',
    breaks: ['CANCEL.BODY'],
    description: 'A cancel with a malformed JSON body is read as an empty body and cancels.',
  },
  {
    name: 'comment-number-accepted',
    breaks: ['CANCEL.BODY'],
    description: 'A cancel whose Comment is not a string is accepted (the value is stringified).',
  },
  {
    name: 'text-plain-accepted',
    breaks: ['HDR.CONTENTTYPE'],
    description: 'A cancel body sent as text/plain is read as JSON and cancels.',
  },
  // --- device and tenant ----------------------------------------------------------------------
  {
    name: 'reopen-blocked',
    breaks: ['CANCEL.REOPEN'],
    description: 'A cancelled action still blocks a new action of its type on its device.',
  },
  {
    name: 'tenant-leak-get',
    breaks: ['CANCEL.TENANT'],
    description: "GET shows another tenant's action (cancel still answers 404).",
  },
  {
    name: 'tenant-leak-cancel',
    breaks: ['CANCEL.TENANT'],
    description: "Cancel finds and cancels another tenant's action (GET still answers 404).",
  },
  // --- authentication and permissions ---------------------------------------------------------
  {
    name: 'no-auth-allowed',
    breaks: ['AUTH.MISSING'],
    description: 'A call without Authorization is served, with every role, in every tenant.',
  },
  {
    name: 'no-auth-403',
    breaks: ['AUTH.MISSING'],
    description: 'A call without Authorization answers 403 Forbidden instead of 401.',
  },
  {
    name: 'signature-unchecked',
    breaks: ['AUTH.INVALID'],
    description: 'Token signatures are not checked (claims still are).',
  },
  {
    name: 'alg-none-accepted',
    breaks: ['AUTH.INVALID'],
    description: "Unsigned tokens (alg 'none') are accepted when their claims are valid.",
  },
  { name: 'expiry-unchecked', breaks: ['AUTH.EXPIRED'], description: 'Expired tokens are accepted.' },
  {
    name: 'scheme-ignored',
    breaks: ['AUTH.SCHEME'],
    description: 'Any Authorization scheme is accepted in front of a valid token.',
  },
  {
    name: 'audience-unchecked',
    breaks: ['AUTH.AUDIENCE'],
    description: 'Tokens for any audience are accepted.',
  },
  {
    name: 'audience-401',
    breaks: ['AUTH.AUDIENCE'],
    description: 'A token for another audience answers 401 instead of 403.',
  },
  {
    name: 'role-refused-liveresponse',
    breaks: ['PERM.ROLES'],
    description: 'Machine.LiveResponse alone is refused on cancel (403).',
  },
  {
    name: 'read-only-can-cancel',
    breaks: ['PERM.NONE'],
    description: 'Machine.Read.All alone is allowed to cancel.',
  },
  {
    name: 'forbidden-wrong-code',
    breaks: ['PERM.NONE'],
    description: "A token without a needed role answers 403 with code 'Unauthorized'.",
  },
  // --- rate limits ----------------------------------------------------------------------------
  {
    name: 'rate-minute-early',
    breaks: ['RATE.MINUTE'],
    description: 'The minute limit throttles call 100 instead of call 101.',
  },
  {
    name: 'rate-minute-late',
    breaks: ['RATE.MINUTE'],
    description: 'The minute limit lets call 101 through and throttles call 102.',
  },
  {
    name: 'rate-wrong-code',
    breaks: ['RATE.MINUTE'],
    description: "A 429 of the minute limit carries code 'Throttled'.",
  },
  { name: 'rate-hour-absent', breaks: ['RATE.HOUR'], description: 'There is no hour limit.' },
  {
    name: 'retry-after-missing-hour',
    breaks: ['RATE.RETRYAFTER', 'RATE.HOUR'],
    description: 'A 429 of the hour limit has no Retry-After.',
  },
  {
    name: 'retry-after-too-long',
    breaks: ['RATE.RETRYAFTER'],
    description: 'A 429 of the minute limit says Retry-After 120.',
  },
  {
    name: 'throttle-stuck',
    breaks: ['RATE.RECOVER', 'RATE.HOUR'],
    description: 'After a 429, calls stay throttled for a minute past the Retry-After.',
  },
  {
    name: 'throttled-still-cancels',
    breaks: ['RATE.NOEFFECT'],
    description: 'A cancel answered 429 still cancels the action.',
  },
  // --- wire format ----------------------------------------------------------------------------
  {
    name: 'error-without-code',
    breaks: ['SCHEMA.ERROR', 'AUTH.MISSING'],
    description: 'The bodies of 401 answers lack error.code.',
  },
  {
    name: 'date-not-rfc3339',
    breaks: ['SCHEMA.ENTITY'],
    description: "lastUpdateDateTimeUtc is written like '11/26/2026 10:00:00 PM'.",
  },
  {
    name: 'response-text-plain',
    breaks: ['SCHEMA.CONTENTTYPE'],
    description: 'JSON answers of the API are labelled text/plain.',
  },
] as const satisfies readonly FaultDefinition[];

export type FaultName = (typeof FAULT_CATALOGUE)[number]['name'];

export const FAULT_NAMES: readonly FaultName[] = FAULT_CATALOGUE.map((fault) => fault.name);

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

// The faults switched on in one emulator; typed so that a misspelt check is a compile error.
export class FaultSet {
  readonly #on: ReadonlySet<FaultName>;

  constructor(names: readonly FaultName[] = []) {
    this.#on = new Set(names);
  }

  has(name: FaultName): boolean {
    return this.#on.has(name);
  }

  list(): FaultName[] {
    return [...this.#on];
  }
}
