import type { AuthFault } from './fault-entry.ts';

// Faults of a token check that stops short of the token (the auth seam: auth/auth-policy.ts): a cache
// that keeps a verified token by a lifetime of its own, a scheme taken without a token, an audience
// taken by its host's domain.
export const TOKEN_CHECK_FAULTS = [
  {
    // Every token the suite showed while valid was first seen just after it was issued, an hour before
    // it expired: a cache keeping it a quarter of an hour had let it go long before.
    name: 'verified-token-kept-15-minutes',
    seam: 'auth',
    breaks: ['AUTH.EXPIRED'],
    description:
      'A token verified while valid is kept 15 minutes and served meanwhile without its expiry checked (a cache with a lifetime of its own): one used shortly before it expires is served up to 15 minutes after; one first seen expired answers 401.',
    auth: { verifiedCacheSeconds: 900 },
  },
  {
    name: 'empty-bearer-anonymous',
    seam: 'auth',
    breaks: ['AUTH.INVALID'],
    description:
      "An Authorization header 'Bearer' with no token after it is served as an anonymous caller with every role, in every tenant (a guard that validates a token only when one follows the scheme); a missing header answers 401.",
    auth: { emptyBearerAnonymous: true },
  },
  {
    // Written to take the API's hosts by their domain (regional ones as well): Azure Resource Manager,
    // the other resource the suite sent, lives under azure.com.
    name: 'audience-by-host-domain',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description:
      'A token whose audience is any https resource under microsoft.com (Microsoft Graph) is served as one for the API; one for Azure Resource Manager answers 403.',
    auth: { audienceHostSuffix: '.microsoft.com' },
  },
  {
    // Every token refused for its signature, its lifetime or its scheme went to a cancel of an unknown id
    // under /api, whose 401 looks the same whether the handler ran or not; only under /api/v1.0 did one
    // meet an active action.
    name: 'refused-token-cancel-applied',
    seam: 'auth',
    breaks: ['AUTH.INVALID', 'AUTH.EXPIRED', 'AUTH.SCHEME'],
    description:
      'A cancel under /api whose token fails verification (forged, expired, under another scheme) answers 401 but cancels the action as the caller its claims name (a guard that writes its 401 and lets the handler run on); a call without Authorization, and any under /api/v1.0, change nothing.',
    auth: { refusedTokenRunsCancel: true },
  },
  {
    // The token for another resource went to a cancel of an unknown id under /api, whose 403 reads the
    // same whether the handler ran or not; only under /api/v1.0 did it meet an action that exists.
    name: 'foreign-audience-cancel-applied',
    seam: 'auth',
    breaks: ['AUTH.AUDIENCE'],
    description:
      'A cancel under /api with a valid token for another resource answers 403 but cancels the action as the caller the token names (an audience filter that writes its 403 and lets the handler run on); any under /api/v1.0 changes nothing.',
    auth: { foreignAudienceRunsCancel: true },
  },
] as const satisfies readonly AuthFault[];
