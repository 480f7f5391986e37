import type { AuthFault } from './fault-entry.ts';

// Faults of a token check that stops short of the token (the auth seam: auth/auth-policy.ts): a scheme
// taken without a token.
export const TOKEN_CHECK_FAULTS = [
  {
    name: 'empty-bearer-anonymous',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      "An Authorization header 'Bearer' with no token after it is served as an anonymous caller with every role, in every tenant (a guard that validates a token only when one follows the scheme); a missing header answers 401.",
    auth: { emptyBearerAnonymous: true },
  },
] as const satisfies readonly AuthFault[];
