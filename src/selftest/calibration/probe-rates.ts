import { randomUUID } from 'node:crypto';
import type { ControlApp } from '../../contract/index.ts';
import type { Signatures } from './differential-probe.ts';
import { PROBE_COMMENT } from './probe-answer.ts';
import type { ProbeClient } from './probe-client.ts';
import type { ProbeClock } from './probe-clock.ts';

// A pattern of its own, unlike the suite's, from the start of a clock minute with a fresh app:
// +10 s one call; +40 s the rest of the limit and one more (429: Retry-After); +65 s one call;
// +75 s two calls. Sliding, first-call and clock-aligned windows and both Retry-After values differ.
export async function probeRates(
  c: ProbeClient,
  clock: ProbeClock,
  app: ControlApp,
): Promise<Partial<Signatures>> {
  const bearer = `Bearer ${await c.token(app)}`;
  const call = () =>
    c.send(
      'POST',
      `/api/machineactions/${randomUUID()}/cancel`,
      { authorization: bearer, 'content-type': 'application/json' },
      PROBE_COMMENT,
    );
  const advance = (seconds: number) => clock.advance(seconds);
  const now = await clock.now();
  await advance((60_000 - (now % 60_000)) / 1000 + 10);
  const opener = await call();
  await advance(30);
  const filled = await Promise.all(Array.from({ length: 99 }, call));
  const blocked = await call();
  await advance(25);
  const next = await call();
  await advance(10);
  const late = [await call(), await call()];
  const retryAfter = blocked.headers['retry-after'] ?? '';
  const form = /^\d+$/.test(retryAfter)
    ? 'delta-seconds'
    : Number.isNaN(Date.parse(retryAfter))
      ? null
      : 'http-date';
  const seconds =
    form === 'delta-seconds'
      ? Number(retryAfter)
      : form
        ? (Date.parse(retryAfter) - Date.parse(blocked.headers['date'] ?? '')) / 1000
        : null;
  return {
    'retry-after-form': form,
    // The whole minute or less: the seconds left depend on where the window lies, which rate-window
    // tells, so a clock-aligned window's 20 s and a sliding one's 30 s are the same reading here.
    'retry-after-value': seconds === null ? null : seconds >= 59 ? 'whole-window' : 'time-remaining',
    'rate-window': [
      opener.status,
      filled.filter((r) => r.status !== 429).length,
      blocked.status,
      next.status,
      ...late.map((r) => r.status),
    ],
  };
}
