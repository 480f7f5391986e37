// How the JSON body of one operation is read: the request seam. The defaults are the contract; each
// request fault (faults/request-faults.ts) changes a field for one operation.
export interface BodyPolicy {
  // Malformed JSON: refused with 400, or read as an empty body.
  malformedJson: 'refuse' | 'read-as-empty';
  // A Comment that is not a string: refused with 400, stringified, or (an array only) joined.
  nonStringComment: 'refuse' | 'stringify' | 'join-arrays';
  // A body that is a JSON array: refused with 400, or read as its first item.
  arrayBody: 'refuse' | 'first-item';
  // A body that is a JSON string, number or boolean: refused with 400, or read as an empty body.
  scalarBody: 'refuse' | 'read-as-empty';
  // Media types read as JSON beside application/json (lower case, without parameters).
  alsoJson: readonly string[];
  // true: only the bare string 'application/json' is JSON, so 'application/json; charset=utf-8' (what
  // .NET's HttpClient sends) is refused as another type. The contract: false (parameters are allowed).
  exactJsonLabel: boolean;
  // true: any media type that begins with 'application/json' is JSON (a check written as a prefix
  // test), so 'application/jsonx' is read too. The contract: false (the type itself, parameters apart).
  jsonPrefix: boolean;
  // Not null: a charset parameter is read as JSON only when it is this text exactly, so 'UTF-8' (what
  // Spring's clients send, 'application/json;charset=UTF-8') is refused though charset names are
  // case-insensitive (RFC 9110 §8.3.2). The contract: null.
  charsetExactly: string | null;
  // true: the type is compared as written, so 'Application/JSON' (as PowerShell scripts often label it)
  // is refused though media types are case-insensitive (RFC 9110 §8.3.1). The contract: false.
  typeCaseSensitive: boolean;
  // true: a body labelled application/x-www-form-urlencoded is read as form fields (a form parser
  // registered beside the JSON one): `Comment=...` is the Comment, and a form without one is refused
  // with 400 (the form binding requires it). The contract: false (refused as any other type).
  formFields: boolean;
  // true: the label is checked only for a body that names a Comment (a check that sits in the binding of
  // the Comment), so a JSON object without one ({}) is read as JSON under any label. The contract: false.
  labelCheckedWithComment: boolean;
  // Changes to this policy for the cancel of an InProgress action (a running action's cancel handed to
  // its device by a channel that binds its body its own way). The contract: none (as any cancel's).
  whileRunning: Partial<Omit<BodyPolicy, 'whileRunning' | 'otherTypes'>>;
  // Changes to this policy for the cancel of an action other than a scan (a type's handler that binds
  // its body its own way). The contract: none (as any cancel's).
  otherTypes: Partial<Omit<BodyPolicy, 'whileRunning' | 'otherTypes'>>;
}

export const CONTRACT_BODY: BodyPolicy = {
  malformedJson: 'refuse',
  nonStringComment: 'refuse',
  arrayBody: 'refuse',
  scalarBody: 'refuse',
  alsoJson: [],
  exactJsonLabel: false,
  jsonPrefix: false,
  charsetExactly: null,
  typeCaseSensitive: false,
  formFields: false,
  labelCheckedWithComment: false,
  whileRunning: {},
  otherTypes: {},
};
