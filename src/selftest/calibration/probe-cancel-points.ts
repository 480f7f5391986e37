import { randomUUID } from 'node:crypto';
import { MALFORMED_IDS } from '../../contract/index.ts';
import type { Signatures } from './differential-probe.ts';
import { field, PROBE_COMMENT, statusAndCode } from './probe-answer.ts';
import type { ProbeSession } from './probe-session.ts';

const FINAL = ['Succeeded', 'Failed', 'Cancelled', 'TimeOut'];

// The points a cancel answers by itself: of a final action, of an active one (and when that shows),
// with each body the contract leaves open, and of ids unknown or malformed. `active`: the action the
// accepted cancel was sent to, for the readings of an entity that follow.
export async function probeCancelPoints(
  session: ProbeSession,
): Promise<{ signatures: Partial<Signatures>; active: { id: string } }> {
  const s: Partial<Signatures> = {};
  const finals: unknown[] = [];
  for (const status of FINAL)
    finals.push(statusAndCode(await session.cancel((await session.seed(status)).id, PROBE_COMMENT)));
  s['final-state-cancel'] = finals;
  const active = await session.seed('Pending');
  const cancelled = await session.cancel(active.id, PROBE_COMMENT);
  s['cancel-answer-status'] = { status: cancelled.status, shows: field(cancelled, 'status') };
  s['cancel-visible-after'] = (await session.shownAfter(active.id)).seconds;
  for (const [point, body, contentType] of [
    ['cancel-without-comment', '{}', 'application/json'],
    ['cancel-without-body', undefined, null],
    ['body-without-content-type', PROBE_COMMENT, null],
  ] as const) {
    const action = await session.seed('Pending');
    const res = await session.cancel(action.id, body, contentType);
    // An accepted cancel is read once it has had time to show, as the suite waits for it.
    const shown = res.status === 200 ? (await session.shownAfter(action.id)).res : undefined;
    s[point] = { ...statusAndCode(res), after: field(shown ?? (await session.get(action.id)), 'status') };
  }
  const wrongTypes: unknown[] = [];
  for (const type of ['text/plain', 'application/xml'])
    wrongTypes.push(
      statusAndCode(await session.cancel((await session.seed('Pending')).id, PROBE_COMMENT, type)),
    );
  s['body-with-wrong-content-type'] = wrongTypes;
  s['unknown-id'] = [
    statusAndCode(await session.cancel(randomUUID(), PROBE_COMMENT)),
    statusAndCode(await session.get(randomUUID())),
  ];
  const malformed: unknown[] = [];
  for (const id of MALFORMED_IDS) malformed.push(statusAndCode(await session.cancel(id, PROBE_COMMENT)));
  s['malformed-id'] = malformed;
  return { signatures: s, active };
}
