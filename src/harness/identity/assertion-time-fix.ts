import { isLoopback } from '../config/hosts.ts';
import { type Clock, WALL_CLOCK } from '../wall-clock.ts';

// AADSTS700024 quotes the authority's time and the assertion's window. An assertion made this instant
// (a certificate's, signed by msal-node) refused so means the two clocks differ; at a loopback
// authority, an emulator whose virtual clock was moved on (it never moves back). An assertion whose own
// window has passed (a federated token file left stale) is the token to renew.
const TIMES = /Current time: (\S+?Z), assertion valid from (\S+?Z), expiry time of assertion (\S+?Z)/;
// Token validators allow some skew; Entra ID's is a few minutes.
const SKEW_MS = 5 * 60_000;

export function assertionTimeFix(
  detail: string,
  kind: string,
  authBaseUrl: string,
  clock: Clock = WALL_CLOCK,
): string | undefined {
  const [authorityMs, fromMs, untilMs] = (TIMES.exec(detail)?.slice(1) ?? []).map((t) => Date.parse(t));
  if (authorityMs === undefined || fromMs === undefined || untilMs === undefined) return undefined;
  if ([authorityMs, fromMs, untilMs].some(Number.isNaN)) return undefined;
  const now = clock.now();
  const federated = kind === 'federated' || kind === 'github-oidc';
  // Not valid yet: its issuer dated it ahead, and a renewed token from the same clock starts as late.
  if (federated && now < fromMs - SKEW_MS)
    return `the federated token is not valid until ${new Date(fromMs).toISOString()}, ${span(fromMs - now)} after this machine's time: the clock of the issuer that wrote it (or this machine's) is off; set it right (NTP), then write the token again`;
  if (now < fromMs - SKEW_MS || now > untilMs + SKEW_MS)
    return federated
      ? `the federated token is outside its own dates (valid from ${new Date(fromMs).toISOString()} to ${new Date(untilMs).toISOString()}): renew the federated token`
      : "the assertion's dates are not this machine's time: check this machine's clock";
  const apart = span(Math.abs(authorityMs - now));
  if (isLoopback(authBaseUrl) && authorityMs > now)
    return `the emulator's virtual clock is ${apart} ahead of this machine's (a run in emulator mode or POST /_emulator/clock/advance moved it, and a reset does not move it back), and a signed assertion is dated by this machine's: restart the emulator, or give the tenant rehearsal an emulator of its own`;
  return `this machine's clock is ${apart} ${authorityMs > now ? 'behind' : 'ahead of'} the authority's, which dates the assertion: set this machine's clock right (NTP)`;
}

// "21 days", "3 h", "12 min".
function span(ms: number): string {
  if (ms >= 2 * 86_400_000) return `${Math.round(ms / 86_400_000)} days`;
  if (ms >= 2 * 3_600_000) return `${Math.round(ms / 3_600_000)} h`;
  return `${Math.round(ms / 60_000)} min`;
}
