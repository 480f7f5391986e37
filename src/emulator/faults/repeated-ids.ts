// The ids a fault has seen asked for, as an idempotency store keyed by the id alone keeps them. Ids of
// unknown actions are random GUIDs, so one set serves every emulator of a process.
const seen = new Set<string>();

// Whether `id` (in any case) was asked for before; this call counts as asking.
export function askedBefore(id: string): boolean {
  const key = id.toLowerCase();
  if (seen.has(key)) return true;
  seen.add(key);
  return false;
}

// The unknown ids a cancel was asked for, as a projection that upserts a cancellation keyed by the id
// keeps them.
const cancelled = new Set<string>();

// Records a cancel of `id` (in any case).
export function recordCancelled(id: string): void {
  cancelled.add(id.toLowerCase());
}

// Whether a cancel of `id` (in any case) was recorded.
export function cancelledBefore(id: string): boolean {
  return cancelled.has(id.toLowerCase());
}

// The unknown ids a GET was asked for, as a read-through cache that keeps a placeholder for a miss
// holds them (apart from the cancels' ids: a GET of an id a cancel named is another fault's).
const read = new Set<string>();

// Whether a GET of `id` (in any case) was asked before; this call counts as asking.
export function readBefore(id: string): boolean {
  const key = id.toLowerCase();
  if (read.has(key)) return true;
  read.add(key);
  return false;
}
