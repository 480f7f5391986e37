import type { StoreFault } from './fault-entry.ts';

// Faults of how an id other than the one the API writes is looked up (the store seam:
// state/store-policy.ts): in another case (GUIDs are case-insensitive, RFC 9562, so clients send them
// either way), or with more after it.
export const ID_CASE_FAULTS = [
  {
    // A case-insensitive search bolted onto the lookup for ids not in lower case, without the tenant
    // filter: a stranger who writes the id in upper case reads and cancels another tenant's action.
    name: 'tenant-leak-upper-case-id',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A GET or cancel of an id written in upper case finds the action in any tenant; the same id in lower case finds only the caller's.",
    store: { crossTenantUnloweredIds: true },
  },
  {
    // The same search behind the list's id filter: every list a stranger sent named the id in lower case.
    name: 'tenant-leak-list-upper-case-id',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter compares id with a value written in upper case (id eq '<ID>') shows the action of any tenant; the same filter in lower case, a GET and a cancel keep to the caller's tenant.",
    store: { crossTenantUnloweredListIds: true },
  },
  {
    // SQL Server cuts a parameter longer than its declared size without a word: an id parameter sized
    // to the 36 characters of a GUID reads `<id>0` as `<id>`, and a client's mangled id cancels an action.
    name: 'cancel-id-cut-to-guid',
    seam: 'store',
    breaks: ['CANCEL.BADID'],
    description:
      "A cancel reads only the first 36 characters of its id: an action's id with anything appended cancels that action (200); a malformed id that is no GUID in its first 36 answers 404.",
    store: { cancelIdCutTo: 36 },
  },
  {
    // Path parameters (`;jsessionid=...`) stripped after the path is decoded, so an encoded ';' (%3B, as
    // the suite sends it) counts too: the appended-id test added a hex digit, which that reads as malformed.
    name: 'cancel-id-path-params-dropped',
    seam: 'store',
    breaks: ['CANCEL.BADID'],
    description:
      "A cancel reads its id up to the first ';': an action's id followed by ';' and anything cancels that action (200); an id with other characters appended answers 404.",
    store: { cancelIdPathParamsDropped: true },
  },
] as const satisfies readonly StoreFault[];
