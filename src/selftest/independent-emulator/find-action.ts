import type { Answer } from './answer.ts';
import { apiError } from './api-error.ts';
import { type ApiCall, type EmulatorContext, isGuid } from './emulator-context.ts';
import type { ActionRecord } from './tenant-store.ts';

// The action an id in the path names, or the refusal for it (malformed-id, unknown-id). Another
// tenant's action is unknown here (tenant isolation).
export function findAction(
  ctx: EmulatorContext,
  call: ApiCall,
): { action: ActionRecord } | { refused: Answer } {
  const { variant } = ctx;
  const nowMs = ctx.clock.nowMs();
  const id = call.params[0]!;
  if (!isGuid(id))
    return {
      refused: apiError(
        variant,
        nowMs,
        variant.malformedId,
        'The machine action id is not a GUID: check the id',
      ),
    };
  const action = ctx.store.action(call.claims.tenantId, id);
  if (action) return { action };
  return {
    refused: apiError(
      variant,
      nowMs,
      { status: 404, code: variant.unknownIdCode },
      `No machine action with id ${id}: check the id and the tenant of the token`,
    ),
  };
}
