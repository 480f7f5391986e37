import type { StorePolicy } from '../state/store-policy.ts';

// The id a cancel looks up, as the store policy reads the one sent: as sent (the contract), cut to a
// length (a lookup parameter sized to the id column), or up to its first ';' (path parameters
// stripped after the path is decoded, so an encoded ';' counts too).
export function cancelIdRead(store: StorePolicy, sent: string): string {
  const cut = store.cancelIdCutTo === null ? sent : sent.slice(0, store.cancelIdCutTo);
  return store.cancelIdPathParamsDropped ? (cut.split(';')[0] ?? cut) : cut;
}
