import { randomUUID } from 'node:crypto';
import type { OpenPointId } from '../../contract/index.ts';
import { field, PROBE_COMMENT, statusAndCode } from './probe-answer.ts';
import { probeAnswerShapes } from './probe-answer-shapes.ts';
import { probeCancelPoints } from './probe-cancel-points.ts';
import { ProbeClient } from './probe-client.ts';
import { ProbeClock } from './probe-clock.ts';
import { probeRates } from './probe-rates.ts';
import { ProbeSession } from './probe-session.ts';

// The differential probe of the calibration self-test (docs/calibration.md#proof): the same requests,
// through HTTP and the control protocol only, to two emulators, and for each open point the part of the
// answers the point is about (status, error code, the telling header or body shape; never ids, times
// or correlation ids). Two emulators that answer a point alike give equal signatures.
export type Signatures = Record<OpenPointId, unknown>;

export async function probeOpenPoints(
  baseUrl: string,
): Promise<{ signatures: Signatures; requests: number }> {
  const c = new ProbeClient(baseUrl);
  try {
    const clock = await ProbeClock.read(c);
    const session = await ProbeSession.open(c, clock);
    const cancels = await probeCancelPoints(session);
    const shapes = await probeAnswerShapes(session, cancels.active.id);
    // Without Authorization, and with a token that is not one (docs/contract.md#www-authenticate).
    const unauthorized = [
      await session.api(
        'POST',
        `/machineactions/${randomUUID()}/cancel`,
        PROBE_COMMENT,
        'application/json',
        false,
      ),
      await c.send(
        'POST',
        `/api/machineactions/${randomUUID()}/cancel`,
        { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
        PROBE_COMMENT,
      ),
    ];
    const running = await session.seed('Pending');
    const again = await session.api(
      'POST',
      `/machines/${running.machineId}/runAntiVirusScan`,
      JSON.stringify({ Comment: 'probe', ScanType: 'Quick' }),
    );
    const rates = await probeRates(c, clock, await session.registerApp());
    await clock.checkStill();
    const signatures = {
      ...cancels.signatures,
      ...shapes,
      'www-authenticate': unauthorized.map((r) => [r.status, r.headers['www-authenticate'] ?? null]),
      // The precise status: a refusal's (400, 409, ...) or the running action's (200 or 201).
      'duplicate-create': { ...statusAndCode(again), running: field(again, 'id') === running.id },
      ...rates,
    } as Signatures;
    return { signatures, requests: c.requests };
  } finally {
    c.close();
  }
}
