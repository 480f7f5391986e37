import type { AuthPolicy } from '../auth/auth-policy.ts';
import type { Answer, AnswerKit, Exchange } from '../http/answer.ts';
import type { BodyPolicy } from '../http/body-policy.ts';
import type { WireAct } from '../http/wire-acts.ts';
import type { ThrottlePolicy } from '../rate-limit/throttle-policy.ts';
import type { RoutePolicy } from '../routes/route-policy.ts';
import type { StorePolicy } from '../state/store-policy.ts';

// A deliberate violation of the contract, as one catalogue entry: where it acts (its seam) and what it
// does there. The self-test switches each on alone and checks that the suite sees exactly `breaks`
// FAIL or WARN and exactly `errors` ERROR. Keep each narrow: a fault on cancel must not change GET,
// a fault on the minute limit must not change the hour limit.
interface Entry<S extends string> {
  name: string;
  seam: S;
  // Requirement ids (specs/requirements.yaml) that turn FAIL or WARN with the fault on, and only those.
  breaks: readonly string[];
  // Requirement ids whose tests lose an exchange on the wire and so read ERROR (wire faults).
  errors?: readonly string[];
  description: string;
}

// Seams with a policy: the entry says which fields of the policy it changes.
export interface AuthFault extends Entry<'auth'> {
  auth: Partial<AuthPolicy>;
}
export interface ThrottleFault extends Entry<'throttle'> {
  throttle: Partial<ThrottlePolicy>;
}
export interface RequestFault extends Entry<'request'> {
  // The operation whose body is read this way.
  operation: string;
  body: Partial<BodyPolicy>;
}
export interface StoreFault extends Entry<'store'> {
  store: Partial<StorePolicy>;
}
export interface RouteFault extends Entry<'route'> {
  routes: Partial<RoutePolicy>;
}

// Answer faults rewrite the rendered answer of the exchanges they apply to.
export interface AnswerFault extends Entry<'answer'> {
  applies(exchange: Exchange): boolean;
  rewrite(answer: Answer, exchange: Exchange, kit: AnswerKit): Answer;
}

// Wire faults lose the exchanges they apply to on the connection (wire-acts.ts).
export interface WireFault extends Entry<'wire'> {
  applies(exchange: Exchange): boolean;
  act: WireAct;
}

export type FaultEntry =
  | AuthFault
  | ThrottleFault
  | RequestFault
  | StoreFault
  | RouteFault
  | AnswerFault
  | WireFault;

export type Seam = FaultEntry['seam'];

// The old name of an entry, kept for callers that only read name, breaks and description.
export type FaultDefinition = FaultEntry;
