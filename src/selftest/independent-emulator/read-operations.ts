import { type Answer, jsonAnswer } from './answer.ts';
import { apiError } from './api-error.ts';
import type { ApiCall, EmulatorContext } from './emulator-context.ts';
import { findAction } from './find-action.ts';
import { applyListQuery, parseListQuery } from './list-query.ts';
import { asReported, renderAction } from './machine-action.ts';

// GET /api/machineactions/{id} (docs/contract.md#get): the caller's tenant only.
export function getAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const found = findAction(ctx, call);
  if ('refused' in found) return found.refused;
  const { action } = found;
  return jsonAnswer(
    200,
    renderAction(asReported(action, ctx.variant, ctx.clock.nowMs()), ctx.variant, call.origin),
  );
}

// GET /api/machineactions (docs/contract.md#list). The default order is an open question
// (docs/contract.md#list-order): the variant lists oldest or newest first.
export function listAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const { variant } = ctx;
  const nowMs = ctx.clock.nowMs();
  const query = parseListQuery(call.query);
  if (typeof query === 'string') return apiError(variant, nowMs, { status: 400, code: 'ODataError' }, query);
  const all = [...(ctx.store.find(call.claims.tenantId)?.actions.values() ?? [])];
  if (variant.listNewestFirst) all.reverse();
  const page = applyListQuery(all, { ...query, skip: 0, top: Number.MAX_SAFE_INTEGER });
  const rows = Math.min(query.top, variant.listPageSize ?? query.top);
  const value = page.slice(query.skip, query.skip + rows);
  const more = rows < query.top && query.skip + rows < page.length;
  return jsonAnswer(200, {
    ...(variant.odataContext ? { '@odata.context': `${call.origin}/api/$metadata#MachineActions` } : {}),
    ...(query.count ? { '@odata.count': page.length } : {}),
    ...(variant.listNullPagingMembers
      ? { '@odata.nextLink': null, ...(query.count ? {} : { '@odata.count': null }) }
      : {}),
    ...(more ? { '@odata.nextLink': nextLink(call.query, query.skip + rows, query.top - rows) } : {}),
    value: value.map((action) => renderAction(asReported(action, variant, nowMs), variant, call.origin)),
  });
}

// The rest of a paged list, relative to the list (or its context URL, beside it): the same options,
// $skip past what was answered and $top, when the caller gave one, less it.
function nextLink(asked: URLSearchParams, skip: number, top: number): string {
  const options = new URLSearchParams(asked);
  options.set('$skip', String(skip));
  if (asked.has('$top')) options.set('$top', String(top));
  return `machineactions?${options.toString()}`;
}
