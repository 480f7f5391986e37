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
] as const satisfies readonly RouteFault[];
