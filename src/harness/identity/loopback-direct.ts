import { Agent } from 'node:https';
import type { TokenCredentialOptions } from '@azure/identity';
import { isLoopback } from '../config/hosts.ts';

type AdditionalPolicy = NonNullable<TokenCredentialOptions['additionalPolicies']>[number];

// A loopback authority (an emulator, a stand-in) is reached directly, as the suite's own requests
// reach it. @azure/identity sends through HTTPS_PROXY, HTTP_PROXY or ALL_PROXY every host NO_PROXY does
// not name exactly, and a proxy's loopback is not this machine's: the sign-in failed as
// endpoints_resolution_error where curl and msal-node signed in. Runs after the library's proxy policy
// and replaces its agent for the authority's origin alone (managed identity's endpoint keeps its
// route); the direct agent trusts NODE_EXTRA_CA_CERTS as every TLS connection of the process does.
export function loopbackDirectPolicy(authBaseUrl: string): AdditionalPolicy[] {
  const authority = new URL(authBaseUrl);
  if (!isLoopback(authority.hostname)) return [];
  const agent = new Agent();
  return [
    {
      position: 'perRetry',
      policy: {
        name: 'mdeLoopbackDirect',
        sendRequest(request, next) {
          if (sameOrigin(request.url, authority.origin)) request.agent = agent;
          return next(request);
        },
      },
    },
  ];
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
