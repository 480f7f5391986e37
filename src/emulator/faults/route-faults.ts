import type { RouteFault } from './fault-entry.ts';

// Faults of which paths serve the API (the route seam: routes/route-policy.ts).
export const ROUTE_FAULTS = [
  {
    name: 'no-versioned-path',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description: 'Nothing answers under /api/v1.0.',
    routes: { versionedPath: false },
  },
  {
    name: 'no-versioned-path-bare-404',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      'Nothing answers under /api/v1.0, and a request there gets a 404 with no body, as from a server without that route.',
    routes: { versionedPath: false, versionedBare404: true },
  },
  {
    name: 'no-versioned-path-stock-404',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      'Nothing answers under /api/v1.0, and a request there gets the 404 a web framework gives a path it has no route for (ASP.NET Web API\'s stock {"Message": ...}), not the error envelope.',
    routes: { versionedPath: false, versionedStock404: true },
  },
  {
    name: 'no-versioned-path-gateway-403',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      'Nothing answers under /api/v1.0, and a request there gets 403 Forbidden in the error envelope, as from a gateway that routes the path nowhere.',
    routes: { versionedPath: false, versionedUnrouted403: true },
  },
  {
    name: 'versioned-cancel-not-stored',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      'A cancel under /api/v1.0 answers 200 like one under /api, but the stored action is unchanged.',
    routes: { versionedCancelStored: false },
  },
  {
    // The device is freed by the cancel under /api alone: every cancel before a new scan on its device
    // (CANCEL.REOPEN) was made there, and the versioned cancels were judged by their answer and GETs.
    name: 'versioned-cancel-keeps-device',
    seam: 'route',
    breaks: ['CANCEL.REOPEN'],
    description:
      'A cancel under /api/v1.0 is answered and stored as one under /api, but leaves the device busy: a new action of the type there is refused as a duplicate; a cancel under /api frees the device.',
    routes: { versionedCancelKeepsDevice: true },
  },
  {
    // An action's id with a character appended was cancelled under /api alone (cancel-id-cut-to-guid's
    // test): a versioned route that sizes its id parameter to a GUID cancelled it unseen.
    name: 'versioned-cancel-id-cut-to-guid',
    seam: 'route',
    breaks: ['CANCEL.BADID'],
    description:
      "A cancel under /api/v1.0 reads only the first 36 characters of its id: an action's id with anything appended cancels that action (200) there; under /api it answers 404.",
    routes: { versionedCancelIdCutTo: 36 },
  },
  {
    name: 'versioned-cancel-cross-tenant',
    seam: 'route',
    breaks: ['CANCEL.TENANT'],
    description:
      "A cancel under /api/v1.0 finds and cancels another tenant's action; under /api it answers 404.",
    routes: { versionedCancelCrossTenant: true },
  },
  {
    name: 'versioned-list-cross-tenant',
    seam: 'route',
    breaks: ['CANCEL.TENANT'],
    description: "The list under /api/v1.0 shows every tenant's actions; under /api only the caller's.",
    routes: { versionedListCrossTenant: true },
  },
  {
    // An OData controller under /api/v1.0 without the attribute that applies query options: each
    // option is silently dropped. The lists compared under both paths were of an empty tenant.
    name: 'versioned-list-query-ignored',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      "The list under /api/v1.0 ignores its query options ($filter, $top, $orderby...) and answers every action of the caller's tenant; under /api they apply.",
    routes: { versionedListQueryApplied: false },
  },
  {
    // The list's test under /api/v1.0 pages with $top=1 alone: a route that forwards the paging options
    // and drops the filter answered it as /api does.
    name: 'versioned-list-filter-ignored',
    seam: 'route',
    breaks: ['PATH.VERSIONED'],
    description:
      "The list under /api/v1.0 drops its $filter and applies its other query options ($top, $skip, $orderby, $count) to every action of the caller's tenant; under /api the filter applies.",
    routes: { versionedListFilterApplied: false },
  },
  {
    // The body is read by the route: a versioned one that binds it its own way may take any label.
    name: 'versioned-text-plain-accepted',
    seam: 'route',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel under /api/v1.0 reads a body labelled text/plain as JSON and cancels (a versioned route that binds its body its own way); under /api it is refused with 415.',
    routes: { versionedCancelBody: { alsoJson: ['text/plain'] } },
  },
  {
    // A versioned route whose media-type check is written as a prefix test.
    name: 'versioned-json-prefix-accepted',
    seam: 'route',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel under /api/v1.0 reads a body labelled with any type that begins application/json (application/jsonx) as JSON and cancels; under /api it is refused with 415.',
    routes: { versionedCancelBody: { jsonPrefix: true } },
  },
  {
    // A versioned route that binds form bodies too (a [FromForm] fallback) and reads the text as JSON.
    name: 'versioned-form-urlencoded-accepted',
    seam: 'route',
    breaks: ['HDR.CONTENTTYPE'],
    description:
      'A cancel under /api/v1.0 reads a body labelled application/x-www-form-urlencoded as JSON and cancels; text/plain and every other wrong label is refused there, and under /api all are refused with 415.',
    routes: { versionedCancelBody: { alsoJson: ['application/x-www-form-urlencoded'] } },
  },
  {
    name: 'versioned-bad-json-accepted',
    seam: 'route',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel under /api/v1.0 reads a malformed JSON body as an empty one and cancels (a versioned route that binds its body its own way); under /api it is refused with 400.',
    routes: { versionedCancelBody: { malformedJson: 'read-as-empty' } },
  },
  {
    name: 'versioned-comment-object-accepted',
    seam: 'route',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel under /api/v1.0 whose Comment is not a string (an object, an array) is accepted, stringified, and cancels; under /api it is refused with 400.',
    routes: { versionedCancelBody: { nonStringComment: 'stringify' } },
  },
  {
    name: 'versioned-array-body-accepted',
    seam: 'route',
    breaks: ['CANCEL.BODY'],
    description:
      'A cancel under /api/v1.0 whose body is a JSON array is read as its first item and cancels; under /api it is refused with 400.',
    routes: { versionedCancelBody: { arrayBody: 'first-item' } },
  },
] as const satisfies readonly RouteFault[];
