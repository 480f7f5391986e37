import type { TokenCredentialOptions } from '@azure/identity';
import { describeFetchError } from '../http/fetch-error.ts';
import { redactedExcerpt } from '../redaction/excerpt.ts';
import { carriesCredential } from './credential-destination.ts';
import { lifetimeOf, noAccessToken, redirectReason, TokenError, tokenAnswerObject } from './token-answer.ts';

type AdditionalPolicy = NonNullable<TokenCredentialOptions['additionalPolicies']>[number];

// msal-node reads a token answer it cannot use (an HTML page with 200, JSON cut short, a redirect) as a
// bare "network_error", and one without access_token as 'no "expiresOn" property': neither says what
// the endpoint answered. This policy reads each answer to a request carrying the app's credential and
// tells `heard` what is wrong with it, as the http sign-in says it (token-answer.ts), or undefined
// for a usable token or a refusal (msal-node passes on Entra ID's AADSTS sentence itself). A request
// that got no answer (a reset) is told too: msal-node says only "network_error", and the pipeline retries it.
export function tokenAnswerWatch(heard: (problem: TokenError | undefined) => void): AdditionalPolicy {
  return {
    position: 'perRetry',
    policy: {
      name: 'mdeTokenAnswerWatch',
      async sendRequest(request, next) {
        const url = request.url.split('?')[0]!;
        let response: Awaited<ReturnType<typeof next>>;
        try {
          response = await next(request);
        } catch (error) {
          if (carriesCredential(request.body))
            heard(new TokenError(url, undefined, describeFetchError(error)));
          throw error;
        }
        if (carriesCredential(request.body)) {
          heard(
            tokenAnswerProblem(
              url,
              response.status,
              response.bodyAsText ?? '',
              response.headers.get('content-type'),
              response.headers.get('location'),
            ),
          );
        }
        return response;
      },
    },
  };
}

function tokenAnswerProblem(
  url: string,
  status: number,
  text: string,
  contentType: string | undefined,
  location: string | undefined,
): TokenError | undefined {
  if (status >= 300 && status < 400) return new TokenError(url, status, redirectReason(location));
  const body = tokenAnswerObject(text);
  // A failing endpoint: msal-node's own line for it is "Error(s): Not Available - ...".
  if (status >= 500)
    return new TokenError(
      url,
      status,
      typeof body.error === 'string'
        ? redactedExcerpt(body.error, 60)
        : noAccessToken(text, body, contentType),
    );
  // A refusal with an OAuth error is msal-node's to tell, with its AADSTS sentence.
  if (typeof body.error === 'string') return undefined;
  if (typeof body.access_token !== 'string')
    return new TokenError(url, status, noAccessToken(text, body, contentType));
  if (status === 200 && lifetimeOf(body.expires_in) === undefined)
    return new TokenError(
      url,
      status,
      `expires_in must be the token's lifetime in seconds, a number above 0 (got ${body.expires_in === undefined ? 'none' : redactedExcerpt(String(JSON.stringify(body.expires_in)), 40)})`,
    );
  return undefined;
}
