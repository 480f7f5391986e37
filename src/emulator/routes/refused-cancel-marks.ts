import type { StorePolicy } from '../state/store-policy.ts';

// The Comment `read` gives, and whether the policy takes this cancel for a repeat of one refused for
// its body (then answered as accepted, changing nothing). A body `read` refuses is refused as ever; the
// policy (refusedBodyMarksCancel) notes it in `marked` by tenant and id all the same, as a dedupe key
// written before the body is read would.
export function commentOrRepeat(
  store: StorePolicy,
  marked: Set<string>,
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
