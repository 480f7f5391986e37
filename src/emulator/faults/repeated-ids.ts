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
