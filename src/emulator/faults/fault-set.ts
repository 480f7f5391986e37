import { type AuthPolicy, CONTRACT_AUTH } from '../auth/auth-policy.ts';
import type { Answer, AnswerKit, Exchange } from '../http/answer.ts';
import { type BodyPolicy, CONTRACT_BODY } from '../http/body-policy.ts';
import type { WireAct } from '../http/wire-acts.ts';
import { CONTRACT_THROTTLE, type ThrottlePolicy } from '../rate-limit/throttle-policy.ts';
import { CONTRACT_ROUTES, type RoutePolicy } from '../routes/route-policy.ts';
import { CONTRACT_STORE, type StorePolicy } from '../state/store-policy.ts';
import { FAULT_CATALOGUE, type FaultName } from './catalogue.ts';
import type { AnswerFault, FaultEntry, WireFault } from './fault-entry.ts';

// The faults switched on in one emulator, resolved once into what each seam reads: a policy (auth,
// throttle, request, store, route) folded from the contract's and the faults' changes, or the answer
// rewrites and wire acts that apply to an exchange. Nothing else in the emulator knows fault names.
export class FaultSet {
  readonly auth: AuthPolicy;
  readonly throttle: ThrottlePolicy;
  readonly store: StorePolicy;
  readonly routes: RoutePolicy;
  // Whether any answer fault is on: without one, the answer seam renders and nothing more.
  readonly rewritesAnswers: boolean;
  readonly #names: readonly FaultName[];
  readonly #bodies = new Map<string, BodyPolicy>();
  readonly #answers: readonly AnswerFault[];
  readonly #wire: readonly WireFault[];

  constructor(names: readonly FaultName[] = []) {
    this.#names = names;
    const on: FaultEntry[] = FAULT_CATALOGUE.filter((fault) => names.includes(fault.name));
    const pick = <S extends FaultEntry['seam']>(seam: S) =>
      on.filter((f): f is Extract<FaultEntry, { seam: S }> => f.seam === seam);
    this.auth = fold(
      CONTRACT_AUTH,
      pick('auth').map((f) => f.auth),
    );
    this.throttle = fold(
      CONTRACT_THROTTLE,
      pick('throttle').map((f) => f.throttle),
    );
    this.store = fold(
      CONTRACT_STORE,
      pick('store').map((f) => f.store),
    );
    this.routes = fold(
      CONTRACT_ROUTES,
      pick('route').map((f) => f.routes),
    );
    for (const fault of pick('request'))
      this.#bodies.set(fault.operation, fold(this.body(fault.operation), [fault.body]));
    this.#answers = pick('answer');
    this.rewritesAnswers = this.#answers.length > 0;
    this.#wire = pick('wire');
  }

  // How the body of this operation is read (the request seam).
  body(operationId: string): BodyPolicy {
    return this.#bodies.get(operationId) ?? CONTRACT_BODY;
  }

  // The answer seam: each answer fault that applies rewrites the rendered answer, in catalogue order.
  rewrite(answer: Answer, exchange: Exchange, kit: AnswerKit): Answer {
    let result = answer;
    for (const fault of this.#answers)
      if (fault.applies(exchange)) result = fault.rewrite(result, exchange, kit);
    return result;
  }

  // The wire seam: how the connection loses this exchange, if a wire fault applies.
  wireAct(exchange: Exchange): WireAct | undefined {
    if (this.#wire.length === 0) return undefined;
    return this.#wire.find((fault) => fault.applies(exchange))?.act;
  }

  list(): FaultName[] {
    return [...this.#names];
  }
}

// Changes over defaults: a list is extended (two faults may each add a role), anything else replaced.
function fold<P extends object>(defaults: P, changes: readonly Partial<P>[]): P {
  const result = { ...defaults } as Record<string, unknown>;
  for (const change of changes)
    for (const [key, value] of Object.entries(change)) {
      const current = result[key];
      result[key] = Array.isArray(current) && Array.isArray(value) ? [...current, ...value] : value;
    }
  return result as P;
}
