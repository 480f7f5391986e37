import type { Server } from 'node:http';
import type { EmulatorTarget, TenantTarget } from '../../../src/harness/config/target-spec.ts';
import { describeError, isUserError } from '../../../src/harness/errors.ts';
import { preflight } from '../../../src/harness/preflight/preflight.ts';
import { expect } from '../../helpers/api-test.ts';
import { jsonStandIn } from './json-stand-in.ts';

// For the preflight specs (preflight.spec.ts, preflight-api-access.spec.ts).

// A stand-in target: answers every path with what `route` says, on `port` (0: any free one).
export async function serve(
  route: (path: string) => { status: number; body?: unknown },
  port = 0,
): Promise<{ url: string; server: Server }> {
  const { url, server } = await jsonStandIn(({ url, json }) => {
    const { status, body } = route(url);
    json(status, body);
  }, port);
  return { url, server };
}

// An emulator whose clock and app registration answer as the protocol says and whose token endpoint
// issues `accessToken` with `expiresIn` (emulator-token-shape.spec.ts, token-lifetime.spec.ts); the list
// of one action, which the preflight reads with that token, answers `list`.
export function emulatorIssuing(
  accessToken: string,
  expiresIn = 3599,
  list: { status: number; body?: unknown } = { status: 404 },
) {
  return serve((path) =>
    path === '/_emulator/clock'
      ? { status: 200, body: { now: '2026-03-02T10:00:00.000Z' } }
      : path === '/_emulator/apps'
        ? { status: 201 }
        : path.endsWith('/oauth2/v2.0/token')
          ? { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, access_token: accessToken } }
          : path === '/api/machineactions?$top=1'
            ? list
            : { status: 404 },
  );
}

// The one line a failed preflight of `spec` prints, which must come within 10 seconds. A test that
// waits the probes' time out gives a shorter `timeoutMs`: the wait proves nothing by its length.
export async function failure(spec: EmulatorTarget | TenantTarget, timeoutMs = 3_000): Promise<string> {
  const started = Date.now();
  const error = await preflight(spec, { timeoutMs }).catch((e) => e);
  expect(Date.now() - started, 'the preflight answers within 10 seconds').toBeLessThan(10_000);
  expect(isUserError(error), String(error)).toBe(true);
  return describeError(error);
}
