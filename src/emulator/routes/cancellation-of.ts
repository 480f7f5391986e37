import type { Caller } from '../auth/caller.ts';
import type { Cancellation } from '../state/lifecycle.ts';
import type { MachineAction } from '../state/machine-action.ts';
import type { StorePolicy } from '../state/store-policy.ts';

const DAY_MS = 86_400_000;
// The zone offset of the store fault 'local-ahead' (UTC+2).
const LOCAL_OFFSET_MS = 2 * 3_600_000;

// What a cancel records, as the store policy says.
export function cancellationOf(
  store: StorePolicy,
  caller: Caller,
  comment: string | null,
  action: MachineAction,
  nowMs: number,
): Cancellation {
  return {
    requestor: store.cancellationRequestor === 'empty' ? '' : caller.appId,
    comment: comment === null || commentDropped(store, action, nowMs) ? null : storedComment(store, comment),
    atMs: cancellationAt(store, action, nowMs),
    ...(store.uncommentedStatusOnly && comment === null ? { statusOnly: true } : {}),
  };
}

function commentDropped(store: StorePolicy, action: MachineAction, nowMs: number): boolean {
  const age = store.staleCancelCommentDroppedAfterMs;
  return age > 0 && nowMs - action.creationMs > age;
}

function cancellationAt(store: StorePolicy, action: MachineAction, nowMs: number): number {
  if (store.cancellationTime === 'day-before-creation') return action.creationMs - DAY_MS;
  if (store.cancellationTime === 'creation') return action.creationMs;
  if (store.cancellationTime === 'last-report-if-running' && action.status === 'InProgress')
    return action.lastUpdateMs;
  return store.cancellationTime === 'local-ahead' ? nowMs + LOCAL_OFFSET_MS : nowMs;
}

// The Comment as the store policy keeps it: as sent, or garbled as a store fault says.
function storedComment(store: StorePolicy, comment: string): string {
  if (store.cancellationComment === 'latin1') return Buffer.from(comment, 'utf8').toString('latin1');
  if (store.cancellationComment === 'bmp-only') return comment.replace(/[\u{10000}-\u{10FFFF}]/gu, '?');
  if (store.cancellationComment === 'single-line') return comment.replace(/[\r\n\t]/g, ' ');
  if (store.cancellationComment === 'trimmed') return comment.trim();
  if (store.cancellationComment === 'first-500') return comment.slice(0, 500);
  if (store.cancellationComment !== 'html-encoded') return comment;
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return comment.replace(/[&<>"']/g, (c) => entities[c]!);
}
