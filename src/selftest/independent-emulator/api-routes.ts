import type { Variant } from './variants.ts';

export type Operation = 'cancel' | 'get' | 'list' | 'runAntiVirusScan';

const ACTION_ROLES = [
  'Machine.CollectForensics',
  'Machine.Isolate',
  'Machine.RestrictExecution',
  'Machine.Scan',
  'Machine.Offboard',
  'Machine.StopAndQuarantine',
  'Machine.LiveResponse',
];
const READ_ROLES = ['Machine.Read.All', 'Machine.ReadWrite.All'];

interface Route {
  method: string;
  // Under /api or /api/v1.0 (docs/contract.md#versioning); the captures are the path parameters.
  path: string;
  operation: Operation;
  // Any one is enough (docs/contract.md#permissions).
  roles: readonly string[];
}

const ROUTES: readonly Route[] = [
  { method: 'POST', path: 'machineactions/([^/]+)/cancel', operation: 'cancel', roles: ACTION_ROLES },
  { method: 'GET', path: 'machineactions/([^/]+)', operation: 'get', roles: READ_ROLES },
  { method: 'GET', path: 'machineactions', operation: 'list', roles: READ_ROLES },
  {
    method: 'POST',
    path: 'machines/([^/]+)/runAntiVirusScan',
    operation: 'runAntiVirusScan',
    roles: ['Machine.Scan'],
  },
];

export type RouteMatch =
  // versioned: under /api/v1.0.
  | {
      kind: 'operation';
      operation: Operation;
      roles: readonly string[];
      params: string[];
      versioned: boolean;
    }
  | { kind: 'wrong-method'; allow: string }
  | { kind: 'none' };

// Whether path segments match without case is an open question (docs/contract.md#route-case): the
// variant says. A trailing slash is ignored either way.
export function matchRoute(method: string, pathname: string, variant: Variant): RouteMatch {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const flags = variant.routeCaseInsensitive ? 'i' : '';
  const allowed: string[] = [];
  for (const route of ROUTES) {
    const match = new RegExp(`^/api(?:/v1\\.0)?/${route.path}$`, flags).exec(path);
    if (!match) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params = match.slice(1).map(decodeSegment);
    if (params.some((p) => p === undefined)) return { kind: 'none' };
    const versioned = new RegExp('^/api/v1\\.0/', flags).test(path);
    return {
      kind: 'operation',
      operation: route.operation,
      roles: route.roles,
      params: params as string[],
      versioned,
    };
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allow: allowed.join(', ') } : { kind: 'none' };
}

function decodeSegment(segment: string | undefined): string | undefined {
  try {
    return segment === undefined ? undefined : decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
