import type { MachineActionStatus } from '../../contract/index.ts';
import type { Outcome } from '../routes/outcome.ts';
import type { MachineAction } from '../state/machine-action.ts';
import type { WireMachineAction } from './machine-action-wire.ts';

// One API call as the answer and wire seams see it: which operation, on which path, and what it did.
export interface Exchange {
  operationId: string;
  // Served under the versioned prefix (/api/v1.0).
  versioned: boolean;
  outcome: Outcome;
  // The request's Accept header, for an answer fault that labels by it (none of the contract's answers do).
  accept?: string | undefined;
  // The request's path and query as sent, and the caller's tenant, for a fault that caches answers
  // by their URL (faults/list-cache-faults.ts).
  url?: string | undefined;
  tenantId?: string | undefined;
  // The caller's app, for a fault that caches answers per app (faults/kept-answers.ts).
  appId?: string | undefined;
}

// An answer before it is sent: status, headers (content-type included) and a JSON body.
export interface Answer {
  status: number;
  headers: Record<string, string>;
  // A JSON value; undefined sends no body.
  body: unknown;
  // The body as JSON text, when it is made already (a kept entity: http/entity-text.ts); then it is
  // sent as it is. Only answers no answer fault can rewrite have one.
  text?: string;
}

// What an answer fault may use to rewrite an answer, in the profile's words.
export interface AnswerKit {
  entity(action: MachineAction): WireMachineAction;
  // A JSON answer with the profile's media type.
  json(status: number, body: unknown): Answer;
  // An error envelope with the profile's members; the status defaults to the catalogue's.
  error(code: string, detail: string, status?: number): Answer;
  // A plausible action that does not exist, with this id.
  madeUp(id: string, status: MachineActionStatus): MachineAction;
}

// Outcome of an exchange, narrowed by kind.
export function outcomeOf<K extends Outcome['kind']>(
  exchange: Exchange,
  kind: K,
): Extract<Outcome, { kind: K }> | undefined {
  return exchange.outcome.kind === kind ? (exchange.outcome as Extract<Outcome, { kind: K }>) : undefined;
}
