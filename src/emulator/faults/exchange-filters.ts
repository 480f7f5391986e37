import { type Exchange, outcomeOf } from '../http/answer.ts';
import type { OutcomeKind } from '../routes/outcome.ts';

// Which exchanges an answer or wire fault applies to, in a word.

export const CANCEL = 'CancelMachineAction';
export const GET = 'GetMachineAction';
export const LIST = 'ListMachineActions';

export const on = (operationId: string, kind: OutcomeKind) => (x: Exchange) =>
  x.operationId === operationId && x.outcome.kind === kind;

// Only ids no tenant holds, so that the fault does not also change what another tenant's id answers.
export const unknownEverywhere = (operationId: string) => (x: Exchange) =>
  on(operationId, 'not-found')(x) && !outcomeOf(x, 'not-found')!.elsewhere;

// Only ids another tenant holds: the caller's lookup missed an action that exists elsewhere.
export const foreign = (x: Exchange) =>
  x.outcome.kind === 'not-found' && outcomeOf(x, 'not-found')!.elsewhere;

// Succeeded, Failed and Cancelled: TimeOut has a requirement of its own (CANCEL.TIMEOUT).
export const finalNotTimeOut = (x: Exchange) =>
  on(CANCEL, 'refused-final')(x) && outcomeOf(x, 'refused-final')!.action.status !== 'TimeOut';

// The id a not-found or malformed outcome names.
export const idOf = (x: Exchange) => outcomeOf(x, 'not-found')?.id ?? outcomeOf(x, 'malformed')?.id ?? '';

// A cancel that cancelled an action which was InProgress (a running one may be rendered apart).
export const inProgressCancel = (x: Exchange) =>
  on(CANCEL, 'cancelled')(x) && outcomeOf(x, 'cancelled')!.before.status === 'InProgress';
