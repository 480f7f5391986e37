import type { RequestFault } from './fault-entry.ts';

// Faults of how a request body is read (the request seam: http/body-policy.ts).
export const REQUEST_FAULTS = [
  {
    name: 'bad-json-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description: 'A cancel with a malformed JSON body is read as an empty body and cancels.',
    operation: 'CancelMachineAction',
    body: { malformedJson: 'read-as-empty' },
  },
  {
    name: 'comment-number-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description: 'A cancel whose Comment is not a string (an object, a number) is accepted, stringified.',
    operation: 'CancelMachineAction',
    body: { nonStringComment: 'stringify' },
  },
  {
    name: 'comment-array-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel whose Comment is an array of strings is accepted, joined; an object or a number Comment is refused.',
    operation: 'CancelMachineAction',
    body: { nonStringComment: 'join-arrays' },
  },
  {
    name: 'array-body-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description: 'A cancel whose body is a JSON array is read as its first item and cancels.',
    operation: 'CancelMachineAction',
    body: { arrayBody: 'first-item' },
  },
  {
    name: 'scalar-body-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel whose body is a JSON string, number or boolean is read as an empty body and cancels.',
    operation: 'CancelMachineAction',
    body: { scalarBody: 'read-as-empty' },
  },
  {
    // The channel of a running action's cancel (as running-cancel-text-plain-accepted) that reads a body
    // it cannot parse as none: every malformed body the suite sent was on the cancel of a Pending action.
    name: 'running-cancel-bad-json-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel of an InProgress action reads a malformed JSON body as an empty one and cancels; a Pending one is refused with 400.',
    operation: 'CancelMachineAction',
    body: { whileRunning: { malformedJson: 'read-as-empty' } },
  },
  {
    // A media-type check that sits in the binding of the Comment: every wrongly labelled body the suite
    // sent named a Comment, so a body without one never met a label check that was not there.
    name: 'uncommented-wrong-label-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel body without a Comment ({}) is read as JSON under any Content-Type (text/plain) and cancels; a wrongly labelled body that names a Comment is refused with 415.',
    operation: 'CancelMachineAction',
    body: { labelCheckedWithComment: true },
  },
  {
    name: 'text-plain-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description: 'A cancel body sent as text/plain is read as JSON and cancels.',
    operation: 'CancelMachineAction',
    body: { alsoJson: ['text/plain'] },
  },
  {
    name: 'form-urlencoded-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel body labelled application/x-www-form-urlencoded is read as JSON and cancels; text/plain and application/xml are refused.',
    operation: 'CancelMachineAction',
    body: { alsoJson: ['application/x-www-form-urlencoded'] },
  },
  {
    // A form parser registered beside the JSON one (Express's urlencoded() with json()): the suite's form
    // label carried JSON text, no form field, so the binding refused it with 400 for a missing Comment.
    name: 'form-fields-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel body labelled application/x-www-form-urlencoded is read as form fields: Comment=... cancels; JSON text under that label has no Comment field and is refused with 400.',
    operation: 'CancelMachineAction',
    body: { formFields: true },
  },
  {
    // A media-type check written as startsWith('application/json'): another type that shares the prefix
    // passes, while text/plain, application/xml and forms are refused.
    name: 'json-prefix-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      "A cancel body labelled with any media type that begins with 'application/json' (application/jsonx) is read as JSON and cancels; text/plain, application/xml and forms are refused.",
    operation: 'CancelMachineAction',
    body: { jsonPrefix: true },
  },
  {
    // A running action's cancel goes to its device by a channel that binds its body its own way: every
    // wrong label the suite sent was on the cancel of a Pending action.
    name: 'running-cancel-text-plain-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel of an InProgress action reads a body labelled text/plain as JSON and cancels; a Pending one is refused with 415.',
    operation: 'CancelMachineAction',
    body: { whileRunning: { alsoJson: ['text/plain'] } },
  },
  {
    // A type's handler that binds its body its own way: every wrong label the suite sent was on the
    // cancel of a scan.
    name: 'non-scan-cancel-text-plain-accepted',
    seam: 'request',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      "A cancel of an action other than a scan (an Isolate action) reads a body labelled text/plain as JSON and cancels; a scan's is refused with 415.",
    operation: 'CancelMachineAction',
    body: { otherTypes: { alsoJson: ['text/plain'] } },
  },
  {
    // The same handler reading a body it cannot parse as none: every malformed body was on a scan's cancel.
    name: 'non-scan-cancel-bad-json-accepted',
    seam: 'request',
    breaks: ['CANCEL.BODY'],
    description:
      "A cancel of an action other than a scan (an Isolate action) reads a malformed JSON body as an empty one and cancels; a scan's is refused with 400.",
    operation: 'CancelMachineAction',
    body: { otherTypes: { malformedJson: 'read-as-empty' } },
  },
  {
    // A media-type check written as a string comparison: the header .NET's HttpClient (and the docs' C#
    // samples, through StringContent) sends is refused, while curl's and PowerShell's pass.
    name: 'json-charset-refused',
    seam: 'request',
    breaks: ['CANCEL.OK'],
    description:
      "A cancel body labelled 'application/json; charset=utf-8' is refused as another media type; one labelled 'application/json' alone is read.",
    operation: 'CancelMachineAction',
    body: { exactJsonLabel: true },
  },
  {
    // A charset check written as a string comparison: .NET's 'charset=utf-8' passes, Spring's
    // 'application/json;charset=UTF-8' is refused (charset names are case-insensitive).
    name: 'json-charset-case-refused',
    seam: 'request',
    breaks: ['CANCEL.OK'],
    description:
      "A cancel body labelled 'application/json;charset=UTF-8' is refused as another media type (its charset compared case-sensitively with 'utf-8'); 'application/json' and 'application/json; charset=utf-8' are read.",
    operation: 'CancelMachineAction',
    body: { charsetExactly: 'utf-8' },
  },
  {
    // A media-type check written as a string comparison with 'application/json', parameters apart: the
    // suite's labels were all lower case, and 'Application/Json' is common in PowerShell scripts.
    name: 'json-type-case-refused',
    seam: 'request',
    breaks: ['CANCEL.OK'],
    description:
      "A cancel body labelled 'Application/JSON' (the type in another case) is refused as another media type; labels written in lower case, with or without a charset, are read.",
    operation: 'CancelMachineAction',
    body: { typeCaseSensitive: true },
  },
] as const satisfies readonly RequestFault[];
