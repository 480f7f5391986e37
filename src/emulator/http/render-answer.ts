import type { FastifyRequest } from 'fastify';
import type { FinalStatus } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { Outcome } from '../routes/outcome.ts';
import { type MachineAction, newMachineAction } from '../state/machine-action.ts';
import type { Answer, AnswerKit, Exchange } from './answer.ts';
import { apiMediaType } from './api-media-type.ts';
import { entityText } from './entity-text.ts';
import { type Credential, type ErrorFields, errorAnswer } from './error-answer.ts';
import { entityWire, odataContext } from './machine-action-wire.ts';

// The answer seam: an operation's outcome in the profile's words, then rewritten by the answer faults
// that apply to the exchange (the kit they use is only made when answer faults are on).
export function renderAnswer(ctx: EmulatorContext, request: FastifyRequest, exchange: Exchange): Answer {
  const answer = render(ctx, request, exchange.outcome, exchange.operationId);
  if (!ctx.faults.rewritesAnswers) return answer;
  return ctx.faults.rewrite(answer, exchange, answerKit(ctx, request));
}

function render(
  ctx: EmulatorContext,
  request: FastifyRequest,
  outcome: Outcome,
  operationId: string,
): Answer {
  const readings = ctx.profile.readings;
  switch (outcome.kind) {
    case 'cancelled': {
      // docs/contract.md#cancel-answer-status: the cancelled action, or the action as it was.
      const shown = readings['cancel-answer-status'] === 'as-before' ? outcome.before : outcome.after;
      return entity(ctx, request, 200, shown);
    }
    case 'found':
      return entity(ctx, request, 200, outcome.action);
    case 'created':
      return entity(ctx, request, 201, outcome.action);
    case 'existing': {
      // docs/contract.md#duplicate-create: the running action, with the status the profile reads.
      const duplicate = ctx.profile.answers.duplicateCreate;
      return entity(ctx, request, 'existing' in duplicate ? duplicate.existing : 201, outcome.action);
    }
    case 'listed': {
      const context = odataContext(ctx, request, 'MachineActions');
      const total = outcome.total;
      return json(ctx, 200, {
        ...(context === undefined ? {} : { '@odata.context': context }),
        ...(total === undefined ? {} : { '@odata.count': total }),
        value: outcome.rows,
      });
    }
    case 'refused-final': {
      const { id, status } = outcome.action;
      const detail = `Machine action ${id} is ${status} and cannot be cancelled.`;
      const reading = ctx.profile.answers.finalStateCancel[status as FinalStatus];
      return errorAnswer(ctx, refused(reading, detail), true);
    }
    case 'not-found': {
      // docs/contract.md#unknown-id: a cancel and a GET may answer apart.
      const { unknownId } = ctx.profile.answers;
      const reading = operationId === 'CancelMachineAction' ? unknownId.cancel : unknownId.get;
      return errorAnswer(ctx, refused(reading, `Machine action ${outcome.id} was not found.`), true);
    }
    case 'malformed': {
      const detail = `Invalid input ${outcome.id}: a machine action id is a GUID.`;
      return errorAnswer(ctx, refused(readings['malformed-id'], detail), true);
    }
    case 'refused':
      return errorAnswer(ctx, outcome.error, true, credentialOf(request));
  }
}

// The fields of refusal() (error-catalogue.ts) without the Error: a 405 lists the methods the resource
// allows now, and a final action allows none (RFC 9110).
function refused(reading: { status: number; code: string }, detail: string): ErrorFields {
  const headers: Record<string, string> = reading.status === 405 ? { allow: '' } : {};
  return { code: reading.code, message: detail, status: reading.status, headers };
}

// An action as an answer: as an object when answer faults may rewrite it, else as its kept text.
function entity(
  ctx: EmulatorContext,
  request: FastifyRequest,
  status: number,
  action: MachineAction,
): Answer {
  if (ctx.faults.rewritesAnswers) return json(ctx, status, entityWire(ctx, request, action));
  return { status, headers: apiMediaType(ctx), body: undefined, text: entityText(ctx, request, action) };
}

function answerKit(ctx: EmulatorContext, request: FastifyRequest): AnswerKit {
  return {
    entity: (action) => entityWire(ctx, request, action),
    json: (status, body) => json(ctx, status, body),
    error: (code, detail, status) =>
      errorAnswer(ctx, new WireError(code, detail, status ? { status } : {}), true, credentialOf(request)),
    madeUp: (id, status) => ({
      ...newMachineAction({
        tenantId: '',
        type: 'RunAntiVirusScan',
        status,
        machineId: null,
        computerDnsName: null,
        requestor: 'unknown',
        requestorComment: null,
        scope: null,
        nowMs: ctx.clock.now(),
      }),
      id,
    }),
  };
}

function json(ctx: EmulatorContext, status: number, body: unknown): Answer {
  return { status, headers: apiMediaType(ctx), body };
}

// Which 401 challenge an error answer carries: the guard's test for a missing header (auth/api-guard.ts).
function credentialOf(request: FastifyRequest): Credential {
  const header = request.headers.authorization;
  return header === undefined || header === '' ? 'missing' : 'invalid';
}
