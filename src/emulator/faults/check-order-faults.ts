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
] as const satisfies readonly AuthFault[];
