import type { AuthFault } from './fault-entry.ts';

// Faults of the order of a call's checks (the auth seam: auth/auth-policy.ts): a check made before
// authentication answers a caller who sent no credentials at all.
export const CHECK_ORDER_FAULTS = [
  {
    // Which ids exist is the tenant's to know: a stranger told them apart by 404 and 401 can probe.
    name: 'unknown-id-before-auth',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A cancel without Authorization of an id no tenant has answers 404 NotFound (the action is looked up before the caller is authenticated); one of an action that exists answers 401, and so does a GET or a list.',
    auth: { lookupBeforeMissingHeader: ['CancelMachineAction'] },
  },
  {
    // A state check run as request validation, ahead of the authentication filter: a stranger with no
    // credentials tells final actions apart, and a client whose token fell off reads "cannot be
    // cancelled" instead of being asked to sign in again.
    name: 'final-state-before-auth',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A cancel without Authorization of an action in a final state answers 400 BadRequest (its state is checked before the caller is authenticated); one of an active action or of an unknown id answers 401, and so does a GET or a list.',
    auth: { stateBeforeMissingHeader: ['CancelMachineAction'] },
  },
  {
    // A response cache placed in front of authentication (a front door caching GETs without Vary:
    // Authorization): once anyone has read an action, anyone at all reads it, and as often as it likes
    // (the cache answers before the limiter counts a call: RATE.MINUTE's GETs).
    name: 'get-cached-before-auth',
    seam: 'auth',
    breaks: [
      'AUTH.MISSING',
      'AUTH.INVALID',
      'AUTH.SCHEME',
      'AUTH.AUDIENCE',
      'AUTH.EXPIRED',
      'CANCEL.TENANT',
      'RATE.MINUTE',
    ],
    description:
      "A GET under /api of an action some caller has read before is answered from a cache in front of the authentication (keyed by the path, refreshed when the action changes): without Authorization, with a bad token or with another tenant's, it answers 200. A first read, an unknown id, the list and /api/v1.0 are authenticated.",
    auth: { cachedBeforeAuth: ['GetMachineAction'] },
  },
  {
    // A running action's cancel handed to its device by a channel left without the guard: every cancel
    // AUTH.MISSING sent without Authorization named a Pending or a final action.
    name: 'no-auth-running-cancel-allowed',
    seam: 'auth',
    breaks: ['AUTH.MISSING'],
    description:
      'A cancel without Authorization of an InProgress action is served (200, the action cancelled), in every tenant; one of a Pending or final action, or of an unknown id, answers 401, and so does a GET or a list.',
    auth: { anonymousRunningCancel: true },
  },
] as const satisfies readonly AuthFault[];
