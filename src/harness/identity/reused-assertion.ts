import { type Clock, WALL_CLOCK } from '../wall-clock.ts';
import { readJwt } from './jwt-claims.ts';

// msal-node asks for the client assertion before every token request, even one its cache then answers
// (twice per request, in @azure/identity 4.13): a GitHub OIDC run asked GitHub for a new id token for
// each API call, hundreds a run, each a chance for a passing GitHub failure to end a test without a
// verdict. GitHub documents its id token's `exp`; one is reused until a minute before it, so that
// Entra ID never receives an expired one. A token whose exp cannot be read is never reused.
const MARGIN_MS = 60_000;

export function reusedWhileValid(
  fetch: () => Promise<string>,
  clock: Clock = WALL_CLOCK,
): () => Promise<string> {
  let held: { token: string; until: number } | undefined;
  return async () => {
    if (held && clock.now() < held.until) return held.token;
    held = undefined;
    const token = await fetch();
    const exp = readJwt(token)?.claims['exp'];
    if (typeof exp === 'number') held = { token, until: exp * 1000 - MARGIN_MS };
    return token;
  };
}
