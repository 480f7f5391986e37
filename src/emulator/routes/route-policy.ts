import type { BodyPolicy } from '../http/body-policy.ts';

// Which paths serve the API: the route seam. The default is the contract (/api and /api/v1.0).
export interface RoutePolicy {
  versionedPath: boolean;
  // false: a cancel under /api/v1.0 answers as one under /api does, but its change is never stored
  // (a versioned route left on a stand-in that only renders the answer).
  versionedCancelStored: boolean;
  // true: a cancel under /api/v1.0 is stored, but leaves its action's device busy for a new action of
  // the type (a versioned route whose handler does not tell the device); under /api the device is freed.
  versionedCancelKeepsDevice: boolean;
  // Not null: a cancel under /api/v1.0 cuts its id to this many characters before it reads it (a
  // versioned route whose parameter is sized to the id column); under /api the id is read as sent.
  versionedCancelIdCutTo: number | null;
  // true: a cancel under /api/v1.0 finds any tenant's action (a versioned route whose handler skips
  // the tenant check); under /api it stays the caller's tenant only.
  versionedCancelCrossTenant: boolean;
  // true: the list under /api/v1.0 shows every tenant's actions (a versioned route whose query skips
  // the tenant); under /api it stays the caller's tenant only.
  versionedListCrossTenant: boolean;
  // false: the list under /api/v1.0 ignores its query options ($filter, $top, $orderby...) and answers
  // every action of the caller's tenant (a versioned route that does not bind OData's query options);
  // under /api they apply.
  versionedListQueryApplied: boolean;
  // false: the list under /api/v1.0 drops its $filter and applies its other options ($top, $skip,
  // $orderby, $count) to every action of the caller's tenant (a versioned route that forwards only the
  // paging options it knows); under /api the filter applies.
  versionedListFilterApplied: boolean;
  // true (with versionedPath false): a request under /api/v1.0 answers 404 with no body, as a server
  // with no such route does, not the error envelope.
  versionedBare404: boolean;
  // true (with versionedPath false): a request under /api/v1.0 answers 404 with the body a web framework
  // gives a request it has no route for (ASP.NET Web API's stock {"Message": ...}), not the error envelope.
  versionedStock404: boolean;
  // true (with versionedPath false): a request under /api/v1.0 answers 403 Forbidden in the error
  // envelope, as a gateway in front may for a path it routes nowhere, not 404.
  versionedUnrouted403: boolean;
  // How the cancel under /api/v1.0 reads its body, over the operation's body policy (a versioned route
  // that binds its body its own way); under /api the body policy alone. The contract: {} (the same).
  versionedCancelBody: Partial<BodyPolicy>;
}

export const CONTRACT_ROUTES: RoutePolicy = {
  versionedPath: true,
  versionedCancelStored: true,
  versionedCancelKeepsDevice: false,
  versionedCancelIdCutTo: null,
  versionedCancelCrossTenant: false,
  versionedListCrossTenant: false,
  versionedListQueryApplied: true,
  versionedListFilterApplied: true,
  versionedBare404: false,
  versionedStock404: false,
  versionedUnrouted403: false,
  versionedCancelBody: {},
};
