import { type Answer, jsonAnswer } from './answer.ts';
import { apiError } from './api-error.ts';
import { type ApiCall, type EmulatorContext, isGuid } from './emulator-context.ts';
import { applyListQuery, parseListQuery } from './list-query.ts';
import { renderAction } from './machine-action.ts';

// GET /api/machineactions/{id} (docs/contract.md#get): the caller's tenant only.
export function getAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const { variant } = ctx;
  const nowMs = ctx.clock.nowMs();
  const id = call.params[0]!;
  if (!isGuid(id))
    return apiError(variant, nowMs, variant.malformedId, 'The machine action id is not a GUID: check the id');
  const action = ctx.store.action(call.claims.tenantId, id);
  if (!action)
    return apiError(
      variant,
      nowMs,
      { status: 404, code: variant.unknownIdCode },
      `No machine action with id ${id}: check the id and the tenant of the token`,
    );
  return jsonAnswer(200, renderAction(action, variant, call.origin));
}

// GET /api/machineactions (docs/contract.md#list). The default order is an open question
// (docs/contract.md#list-order): the variant lists oldest or newest first.
export function listAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const { variant } = ctx;
  const query = parseListQuery(call.query);
  if (typeof query === 'string')
    return apiError(variant, ctx.clock.nowMs(), { status: 400, code: 'ODataError' }, query);
  const all = [...(ctx.store.find(call.claims.tenantId)?.actions.values() ?? [])];
  if (variant.listNewestFirst) all.reverse();
  const page = applyListQuery(all, { ...query, skip: 0, top: Number.MAX_SAFE_INTEGER });
  const value = page.slice(query.skip, query.skip + query.top);
  return jsonAnswer(200, {
    ...(variant.odataContext ? { '@odata.context': `${call.origin}/api/$metadata#MachineActions` } : {}),
    ...(query.count ? { '@odata.count': page.length } : {}),
    value: value.map((action) => renderAction(action, variant, call.origin)),
  });
}
