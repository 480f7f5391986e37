// Which paths serve the API: the route seam. The default is the contract (/api and /api/v1.0).
export interface RoutePolicy {
  versionedPath: boolean;
}

export const CONTRACT_ROUTES: RoutePolicy = { versionedPath: true };
