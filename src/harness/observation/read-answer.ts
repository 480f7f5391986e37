import { type AcceptedOrRefused, isActive, type Readings, type Refusal } from '../../contract/index.ts';
import type { Settled } from '../drivers/eventually.ts';
import { type Exchange, errorCode } from '../http/exchange.ts';
import { type Seen, unreadable } from './record-reading.ts';

// How the tests that make a telling request read its answer into a reading of the open point
// (docs/calibration.md#points). From the wire only: status, error code, the body's own fields.

function answered(exchange: Exchange): string {
  const code = errorCode(exchange);
  return `answered ${exchange.status}${code ? ` ${code}` : ''}`;
}

// A 429 says "not now", nothing about the point (record-reading.ts records it as nothing).
function throttled(exchange: Exchange, what = answered(exchange)): Seen<never> {
  return { unreadable: `${what}: throttled, not an answer to the point`, throttled: true };
}

// A refusal: a 4xx with the envelope's error code.
export function asRefusal(exchange: Exchange): Seen<Refusal> {
  const code = errorCode(exchange);
  if (exchange.status < 400 || exchange.status > 499) return unreadable(`${answered(exchange)}, not a 4xx`);
  // Throttled: the call was not answered on its merits (and a calibrated emulator would throttle).
  if (exchange.status === 429) return throttled(exchange);
  if (!code) return unreadable(`${answered(exchange)} without an error code`);
  return { reading: { status: exchange.status, code } };
}

// "accepted" for a 2xx, else a refusal. `after`, the action's status once the bounded wait for the
// cancel to show is over: a 2xx that left it active made no cancel, and reading it "accepted" would
// tell a calibrated emulator to cancel where the target did not.
export function asAcceptedOrRefused(exchange: Exchange, after?: string): Seen<AcceptedOrRefused> {
  if (exchange.status >= 200 && exchange.status < 300) {
    if (after !== undefined && isActive(after))
      return unreadable(`${answered(exchange)} but the action is still ${after}: no cancel was made`);
    return { reading: 'accepted' };
  }
  return asRefusal(exchange);
}

// docs/contract.md#cancel-answer-status: the 200 of a cancel of an active action already shows
// Cancelled, or the action as it was (Pending or InProgress).
export function asCancelAnswerStatus(exchange: Exchange): Seen<Readings['cancel-answer-status']> {
  const status = (exchange.body as { status?: unknown } | undefined)?.status;
  if (exchange.status === 429) return throttled(exchange, `the cancel ${answered(exchange)}`);
  if (exchange.status !== 200) return unreadable(`the cancel ${answered(exchange)}, not 200`);
  if (status === 'Cancelled') return { reading: 'cancelled' };
  if (status === 'Pending' || status === 'InProgress') return { reading: 'as-before' };
  return unreadable(`the cancel's 200 shows status ${JSON.stringify(status ?? null)}`);
}

// docs/contract.md#duplicate-create: a create while `runningId` is active on the device is refused (its
// status and code), or answers that running action (its status).
export function asDuplicateCreate(exchange: Exchange, runningId: string): Seen<Readings['duplicate-create']> {
  if (exchange.status >= 400 && exchange.status < 500) return asRefusal(exchange);
  const id = (exchange.body as { id?: unknown } | undefined)?.id;
  if (exchange.status >= 200 && exchange.status < 300) {
    if (typeof id === 'string' && id.toLowerCase() === runningId.toLowerCase())
      return { reading: { existing: exchange.status as 200 | 201 } };
    return unreadable(`${answered(exchange)} with a new action while the first was still active`);
  }
  return unreadable(answered(exchange));
}

// docs/contract.md#cancel-visible-after: the reads after a cancel's 200, on the settle schedule, until
// one showed Cancelled; the reading is when that read was made.
export function asCancelVisibleAfter(reads: Settled<Exchange>): Seen<Readings['cancel-visible-after']> {
  if (reads.settled)
    return { reading: reads.waitedSeconds, note: `the read at ${reads.waitedSeconds} s showed Cancelled` };
  const last = reads.value;
  // A throttled read ended the wait: when the cancel shows was not seen.
  if (last.status === 429) return throttled(last, `a GET after the cancel's 200 ${answered(last)}`);
  const status = JSON.stringify((last.body as { status?: unknown } | undefined)?.status ?? null);
  return unreadable(
    `no GET within ${reads.waitedSeconds} s after the cancel's 200 showed Cancelled (last: ${answered(last)}, status ${status})`,
  );
}
