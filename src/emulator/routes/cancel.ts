import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFinal } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { entityWire } from '../http/machine-action-wire.ts';
import { readJsonBody } from '../http/request-body.ts';
import { applyCancel } from '../state/lifecycle.ts';
import { isWellFormedId, type MachineAction, newMachineAction } from '../state/machine-action.ts';
import { checkWellFormed, findAction, notFound, unknownEverywhere } from './action-lookup.ts';

const DAY_MS = 86_400_000;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

// POST /api/machineactions/{id}/cancel
export function cancelHandler(ctx: EmulatorContext) {
  return async function cancel(request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) {
    let answer: Answer;
    try {
      answer = decide(ctx, request);
    } catch (error) {
      // throttled-still-cancels: the call was throttled but ran anyway; it answers 429 whatever happened.
      throw request.deferredThrottle ?? error;
    }
    if (request.deferredThrottle) throw request.deferredThrottle;
    return reply.code(answer.status).send(answer.body);
  };
}

function decide(ctx: EmulatorContext, request: FastifyRequest<{ Params: { id: string } }>): Answer {
  const caller = request.caller!;
  const { id } = request.params;
  if (!isWellFormedId(id) && ctx.faults.has('malformed-id-500')) throw new WireError('InternalServerError');
  checkWellFormed(ctx, id);
  const comment = readComment(ctx, readJsonBody(ctx, request, 'CancelMachineAction'));

  const action = findAction(ctx, caller, id, ctx.faults.has('tenant-leak-cancel'));
  if (!action) return unknown(ctx, request, id);
  if (isFinal(action.status) && !finalStateCancellable(ctx, action)) {
    if (action.status !== 'TimeOut' && ctx.faults.has('final-state-500'))
      throw new WireError('InternalServerError');
    if (action.status !== 'TimeOut' && ctx.faults.has('final-state-200-unchanged'))
      return { status: 200, body: entityWire(ctx, request, action) };
    // U1: the refusal is the profile's finalStateCancel (default 400 BadRequest); nothing changes.
    const { status, code } = ctx.profile.finalStateCancel;
    throw new WireError(code, `Machine action ${id} is ${action.status} and cannot be cancelled.`, {
      status,
    });
  }

  const before = { ...action };
  // cancel-not-persisted works on a copy, so the stored action stays as it was.
  const target = ctx.faults.has('cancel-not-persisted') ? { ...action } : action;
  applyCancel(target, {
    requestor: ctx.faults.has('cancel-requestor-empty') ? '' : caller.appId,
    comment,
    atMs: ctx.faults.has('cancel-date-before-creation') ? action.creationMs - DAY_MS : ctx.clock.now(),
  });
  // U2: profile cancelVisibility 'on-next-read' answers the action as it was before the cancel.
  const shown = ctx.profile.cancelVisibility === 'on-next-read' ? before : target;
  return { status: 200, body: answerBody(ctx, request, shown, before) };
}

// U4: Comment is optional unless the profile's commentRequired says otherwise.
function readComment(ctx: EmulatorContext, body: Record<string, unknown>): string | null {
  const comment = body['Comment'];
  if (comment === undefined) {
    if (ctx.profile.commentRequired)
      throw new WireError('MissingRequiredParameter', 'Parameter Comment is missing.');
    return null;
  }
  if (typeof comment === 'string') return comment;
  if (ctx.faults.has('comment-number-accepted') && comment !== null) return String(comment);
  throw new WireError('InvalidRequestBody', 'Comment must be a string.');
}

function finalStateCancellable(ctx: EmulatorContext, action: MachineAction): boolean {
  return action.status === 'TimeOut'
    ? ctx.faults.has('timeout-cancellable')
    : ctx.faults.has('final-state-cancellable');
}

// The 200 body, bent by the faults that act on the answer only (the stored action stays right).
function answerBody(
  ctx: EmulatorContext,
  request: FastifyRequest,
  shown: MachineAction,
  before: MachineAction,
) {
  const body = entityWire(ctx, request, shown);
  if (ctx.faults.has('cancel-new-id')) body['id'] = randomUUID();
  if (ctx.faults.has('cancel-status-canceled')) body['status'] = 'Canceled';
  if (ctx.faults.has('cancel-stale-fields')) {
    const stale = entityWire(ctx, request, before);
    for (const key of [
      'cancellationRequestor',
      'cancellationComment',
      'cancellationDateTimeUtc',
      'lastUpdateDateTimeUtc',
    ])
      body[key] = stale[key];
  }
  if (ctx.faults.has('cancel-fields-missing'))
    for (const key of ['cancellationRequestor', 'cancellationComment', 'cancellationDateTimeUtc'])
      delete body[key];
  return body;
}

function unknown(ctx: EmulatorContext, request: FastifyRequest, id: string): Answer {
  if (unknownEverywhere(ctx, id)) {
    if (ctx.faults.has('unknown-id-400'))
      throw new WireError('BadRequest', `Machine action ${id} is invalid.`);
    if (ctx.faults.has('notfound-wrong-code'))
      throw new WireError('BadRequest', `Machine action ${id} was not found.`, { status: 404 });
    if (ctx.faults.has('unknown-id-200'))
      return { status: 200, body: entityWire(ctx, request, madeUp(ctx, id)) };
  }
  throw notFound(ctx, id);
}

// What the unknown-id faults answer: a plausible action that does not exist.
export function madeUp(
  ctx: EmulatorContext,
  id: string,
  status: MachineAction['status'] = 'Cancelled',
): MachineAction {
  const action = newMachineAction({
    tenantId: '',
    type: 'RunAntiVirusScan',
    status,
    machineId: null,
    computerDnsName: null,
    requestor: 'unknown',
    requestorComment: null,
    scope: null,
    nowMs: ctx.clock.now(),
  });
  return { ...action, id };
}
