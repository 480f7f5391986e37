import type { StorePolicy } from '../state/store-policy.ts';

// Cancels refused for their body that the store policy records all the same (refusedBodyMarksCancel),
// by tenant and id: a dedupe key written before the body is read. Tenants are made per test, so one
// set serves every emulator of a process.
const marked = new Set<string>();

// The Comment `read` gives, and whether the policy takes this cancel for a repeat of one refused for
// its body (then answered as accepted, changing nothing). A body `read` refuses is refused as ever.
export function commentOrRepeat(
  store: StorePolicy,
  tenantId: string,
  id: string,
  read: () => string | null,
): { comment: string | null; repeat: boolean } {
  if (!store.refusedBodyMarksCancel) return { comment: read(), repeat: false };
  const key = `${tenantId}|${id.toLowerCase()}`;
  try {
    const comment = read();
    return { comment, repeat: marked.delete(key) };
  } catch (error) {
    marked.add(key);
    throw error;
  }
}
