import { type Answer, jsonAnswer } from './answer.ts';
import { apiError } from './api-error.ts';
import type { ApiCall, EmulatorContext } from './emulator-context.ts';
import { findAction } from './find-action.ts';
import { renderAction } from './machine-action.ts';
import { applyCancel } from './pending-cancel.ts';
import { readApiBody } from './request-body.ts';
import { ACTIVE_STATUSES } from './tenant-store.ts';

// POST /api/machineactions/{id}/cancel (docs/contract.md#cancel). Every refusal comes before the one
// mutation at the end, so a refused cancel changes nothing.
export function cancelAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const { variant } = ctx;
  const nowMs = ctx.clock.nowMs();
  const found = findAction(ctx, call);
  if ('refused' in found) return found.refused;
  const { action } = found;

  const body = readApiBody(call.contentType, call.raw, variant);
  if (body.kind === 'refused') return apiError(variant, nowMs, body.refusal, body.message);
  const comment = body.kind === 'object' ? body.value.Comment : undefined;
  if (body.kind === 'object' && 'Comment' in body.value && typeof comment !== 'string')
    return apiError(
      variant,
      nowMs,
      { status: 400, code: 'InvalidRequestBody' },
      'Comment must be a string: send {"Comment": "<why>"}',
    );
  // cancel-without-comment / cancel-without-body.
  if (comment === undefined && variant.cancelWithoutComment !== 'accepted')
    return apiError(
      variant,
      nowMs,
      variant.cancelWithoutComment,
      'Comment is required: send {"Comment": "<why>"} (names are case-sensitive)',
    );

  // final-state-cancel; a 405 names the methods the resource allows now: none (RFC 9110 10.2.1).
  if (!ACTIVE_STATUSES.includes(action.status))
    return apiError(
      variant,
      nowMs,
      variant.finalStateCancel,
      `The machine action is ${action.status}: only a Pending or InProgress action can be cancelled`,
      variant.finalStateCancel.status === 405 ? { Allow: '' } : undefined,
    );

  const before = renderAction(action, variant, call.origin);
  const cancelComment = typeof comment === 'string' ? comment : null;
  if (variant.cancelAnswerStatus === 'as-before' && variant.cancelShowsAfterMs > 0) {
    // Applied later (pending-cancel.ts); a repeated cancel meanwhile keeps the first one's time.
    action.pendingCancel ??= {
      requestor: call.claims.appId,
      comment: cancelComment,
      atMs: nowMs,
      dueMs: nowMs + variant.cancelShowsAfterMs,
    };
    return jsonAnswer(200, before);
  }
  applyCancel(action, call.claims.appId, cancelComment, nowMs);
  // cancel-answer-status: the action as it was, the change showing on the next read, or as it is now.
  return jsonAnswer(
    200,
    variant.cancelAnswerStatus === 'as-before' ? before : renderAction(action, variant, call.origin),
  );
}
