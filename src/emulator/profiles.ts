// A profile is one conforming reading of the contract's open points (mde-contract 14, U1..U15).
// Every shipped profile must pass every requirement of specs/requirements.yaml; the differences
// between them are what the OBSERVE requirements record and what a portable client must tolerate.

export interface Profile {
  name: string;
  description: string;
  // U5: code of the 404 for an unknown machine-action id.
  notFoundCode: 'NotFound' | 'ResourceNotFound';
  // U5: a malformed (non-GUID) id answers 400 InvalidInput, or 404 like an unknown id.
  malformedId: 400 | 404;
  // U1: the refusal of a cancel on Succeeded, Failed, TimeOut or Cancelled.
  finalStateCancel: { status: 400 | 409; code: 'BadRequest' | 'InvalidInput' | 'Conflict' };
  // U2: 'sync' answers the cancelled action; 'on-next-read' answers the action as it was before the
  // cancel (the change shows on the next GET or list).
  cancelVisibility: 'sync' | 'on-next-read';
  // U4: a cancel without Comment answers 400 MissingRequiredParameter.
  commentRequired: boolean;
  // U3: status for a body sent with a Content-Type other than application/json.
  wrongContentType: 400 | 415;
  // U3: a body sent with no Content-Type is read as JSON, or refused with 415.
  missingContentType: 'accept-json' | 'reject-415';
  // U6: Retry-After as delta-seconds or as an HTTP-date (relative to the Date header).
  retryAfter: 'seconds' | 'http-date';
  // U6: 'sliding' keeps an exact log of calls; 'fixed' counts in windows opened by the first call;
  // 'fixed-aligned' counts in clock-aligned minutes and hours (a suite must align the clock first).
  windows: 'sliding' | 'fixed' | 'fixed-aligned';
  // Content-Type with the OData parameters the real service sends (mde-contract 9), plus OData-Version.
  odataContentType: boolean;
  // '@odata.context' on entities and collections.
  odataContext: boolean;
  // U15: error.target (a correlation GUID) on every error.
  errorTarget: boolean;
  // U8: a second active action of the same type on a device is refused (400
  // ActiveRequestAlreadyExists) or answered with the existing action.
  duplicateCreate: 'reject' | 'return-existing';
}

const base: Omit<Profile, 'name' | 'description'> = {
  notFoundCode: 'NotFound',
  malformedId: 404,
  finalStateCancel: { status: 400, code: 'BadRequest' },
  cancelVisibility: 'sync',
  commentRequired: false,
  wrongContentType: 415,
  missingContentType: 'reject-415',
  retryAfter: 'seconds',
  windows: 'sliding',
  odataContentType: false,
  odataContext: true,
  errorTarget: true,
  duplicateCreate: 'reject',
};

export const PROFILES: Record<string, Profile> = {
  default: {
    ...base,
    name: 'default',
    description: 'The most likely reading of the docs; sliding windows, 400 BadRequest on final states.',
  },
  'strict-odata': {
    ...base,
    name: 'strict-odata',
    description:
      'Closest to OData/ASP.NET: ResourceNotFound, 400 for malformed ids, Comment required, HTTP-date Retry-After, fixed windows, OData content type.',
    notFoundCode: 'ResourceNotFound',
    malformedId: 400,
    finalStateCancel: { status: 400, code: 'InvalidInput' },
    commentRequired: true,
    retryAfter: 'http-date',
    windows: 'fixed',
    odataContentType: true,
  },
  'async-cancel': {
    ...base,
    name: 'async-cancel',
    description:
      'Cancel is asynchronous: the 200 shows the action before the cancel; final states answer 409 Conflict.',
    cancelVisibility: 'on-next-read',
    finalStateCancel: { status: 409, code: 'Conflict' },
    notFoundCode: 'ResourceNotFound',
  },
  lenient: {
    ...base,
    name: 'lenient',
    description:
      'Accepts what it can: no Content-Type is read as JSON, wrong type is 400, no error target, duplicates return the existing action.',
    wrongContentType: 400,
    missingContentType: 'accept-json',
    errorTarget: false,
    odataContext: false,
    duplicateCreate: 'return-existing',
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES);
