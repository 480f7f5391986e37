// How the JSON body of one operation is read: the request seam. The defaults are the contract; each
// request fault (faults/request-faults.ts) changes a field for one operation.
export interface BodyPolicy {
  // Malformed JSON: refused with 400, or read as an empty body.
  malformedJson: 'refuse' | 'read-as-empty';
  // A Comment that is not a string: refused with 400, or stringified.
  nonStringComment: 'refuse' | 'stringify';
  // Media types read as JSON beside application/json (lower case, without parameters).
  alsoJson: readonly string[];
}

export const CONTRACT_BODY: BodyPolicy = {
  malformedJson: 'refuse',
  nonStringComment: 'refuse',
  alsoJson: [],
};
