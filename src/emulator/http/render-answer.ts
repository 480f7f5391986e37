import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../context.ts';
import { refusal, WireError } from '../error-catalogue.ts';
import type { Outcome } from '../routes/outcome.ts';
import { newMachineAction } from '../state/machine-action.ts';
import type { Answer, AnswerKit, Exchange } from './answer.ts';
import { addErrorExtras } from './extra-members.ts';
import { entityWire, odataContext } from './machine-action-wire.ts';

// Content-Type of JSON answers outside the API (control protocol, unknown routes).
const PLAIN_JSON = 'application/json; charset=utf-8';

// The answer seam: an operation's outcome in the profile's words, then rewritten by the answer faults
// that apply to the exchange.
export function renderAnswer(ctx: EmulatorContext, request: FastifyRequest, exchange: Exchange): Answer {
  const kit = answerKit(ctx, request);
  return ctx.faults.rewrite(render(ctx, exchange.outcome, kit), exchange, kit);
}

function render(ctx: EmulatorContext, outcome: Outcome, kit: Kit): Answer {
  const readings = ctx.profile.readings;
  switch (outcome.kind) {
    case 'cancelled': {
      // docs/contract.md#cancel-answer-status: the cancelled action, or the action as it was.
      const shown = readings['cancel-answer-status'] === 'as-before' ? outcome.before : outcome.after;
      return kit.json(200, kit.entity(shown));
    }
    case 'found':
      return kit.json(200, kit.entity(outcome.action));
    case 'created':
    case 'existing':
      return kit.json(201, kit.entity(outcome.action));
    case 'listed':
      return kit.json(200, kit.collection(outcome.rows, outcome.total));
    case 'refused-final': {
      const { id, status } = outcome.action;
      const detail = `Machine action ${id} is ${status} and cannot be cancelled.`;
      return errorAnswer(ctx, refusal(readings['final-state-cancel'], detail), true);
    }
    case 'not-found':
      return errorAnswer(
        ctx,
        refusal(readings['unknown-id'], `Machine action ${outcome.id} was not found.`),
        true,
      );
    case 'malformed': {
      const detail = `Invalid input ${outcome.id}: a machine action id is a GUID.`;
      return errorAnswer(ctx, refusal(readings['malformed-id'], detail), true);
    }
    case 'refused':
      return errorAnswer(ctx, outcome.error, true);
  }
}

type Kit = AnswerKit & { collection(rows: unknown[], total: number | undefined): unknown };

function answerKit(ctx: EmulatorContext, request: FastifyRequest): Kit {
  return {
    entity: (action) => entityWire(ctx, request, action),
    json: (status, body) => ({ status, headers: apiMediaType(ctx), body }),
    error: (code, detail, status) =>
      errorAnswer(ctx, new WireError(code, detail, status ? { status } : {}), true),
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
    collection: (rows, total) => {
      const context = odataContext(ctx, request, 'MachineActions');
      return {
        ...(context === undefined ? {} : { '@odata.context': context }),
        ...(total === undefined ? {} : { '@odata.count': total }),
        value: rows,
      };
    },
  };
}

// The error envelope with the profile's members (docs/contract.md#error-target,
// docs/contract.md#extra-members) and, on a 401, its WWW-Authenticate (docs/contract.md#www-authenticate).
// `api`: an answer of the API, labelled with the profile's media type.
export function errorAnswer(ctx: EmulatorContext, error: WireError, api: boolean): Answer {
  const readings = ctx.profile.readings;
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (readings['error-target']) body['target'] = randomUUID();
  const extras = readings['extra-members'].error;
  if (extras.length > 0) addErrorExtras(body, extras, error.code, ctx.clock.now());
  const headers = { ...error.headers, ...(api ? apiMediaType(ctx) : { 'content-type': PLAIN_JSON }) };
  const challenge = readings['www-authenticate'];
  if (error.status === 401 && challenge !== null) headers['www-authenticate'] = challenge;
  return { status: error.status, headers, body: { error: body } };
}

// docs/contract.md#json-media-type: the Content-Type of the API's JSON, and OData-Version if any.
function apiMediaType(ctx: EmulatorContext): Record<string, string> {
  const { contentType, odataVersion } = ctx.profile.readings['json-media-type'];
  return odataVersion === null
    ? { 'content-type': contentType }
    : { 'content-type': contentType, 'odata-version': odataVersion };
}
