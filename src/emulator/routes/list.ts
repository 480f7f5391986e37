import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import { toWire } from '../http/machine-action-wire.ts';
import { ODataFilterError } from '../odata/odata-filter.ts';
import { applyODataQuery, type ODataQuery, ODataQueryError, parseODataQuery } from '../odata/odata-query.ts';
import { undecodableOption } from '../odata/query-decoding.ts';
import { settle } from '../state/lifecycle.ts';
import type { Outcome } from './outcome.ts';

// GET /api/machineactions: the caller's tenant only, in creation order unless $orderby says
// otherwise (the service's default order is not documented: docs/contract.md#list-order).
// `crossTenant`: this route lists every tenant's actions; `applyQuery` false: it ignores the query
// options, `applyFilter` false its $filter alone (the route policy's versioned list).
export function listHandler(
  ctx: EmulatorContext,
  crossTenant = false,
  applyQuery = true,
  applyFilter = true,
) {
  const filterable = filterableFields(ctx);
  return function list(request: FastifyRequest, caller: Caller): Outcome {
    let query: ODataQuery;
    const options = { ...(request.query as Record<string, unknown>) };
    if (!applyFilter) delete options['$filter'];
    const undecodable = applyQuery ? undecodableOption(request.url) : undefined;
    if (undecodable)
      throw new WireError(
        'ODataError',
        `Invalid OData URI query: ${undecodable} cannot be decoded: it holds a %-escape that is no UTF-8 (such as %FF) or no escape (such as %zz); percent-encode its text as UTF-8.`,
      );
    try {
      query = parseODataQuery(applyQuery ? options : {}, filterable);
    } catch (error) {
      if (error instanceof ODataQueryError || error instanceof ODataFilterError)
        throw new WireError('ODataError', `Invalid OData URI query: ${error.message}`);
      throw error;
    }
    const nowMs = ctx.clock.now();
    const filterText = options['$filter'];
    const across =
      crossTenant ||
      namesCrossTenantField(ctx, filterText) ||
      usesCrossTenantOperator(ctx, filterText) ||
      namesUnloweredId(ctx, filterText) ||
      namesCrossTenantOption(ctx, options);
    const actions = caller.anonymous ? [] : listed(ctx, caller.tenantId, query, across);
    const rows = actions.map((action) => toWire(ctx, settle(action, nowMs)));
    const { page, total } = applyODataQuery(rows, query);
    return { kind: 'listed', rows: page, total: query.count ? total : undefined };
  };
}

// The caller's tenant's actions; every tenant's when the route or the store policy lets the list
// cross tenants.
function listed(ctx: EmulatorContext, tenantId: string, query: ODataQuery, routeCrossTenant: boolean) {
  const { crossTenant, unfilteredListCrossTenant } = ctx.faults.store;
  const across =
    routeCrossTenant ||
    crossTenant.includes('ListMachineActions') ||
    (unfilteredListCrossTenant && !query.filter);
  if (across) return ctx.state.actions.tenants().flatMap((tenant) => ctx.state.actions.list(tenant));
  const own = ctx.state.actions.list(tenantId);
  // The store policy may merge in other tenants' actions in some statuses (a live view of devices).
  const statuses = ctx.faults.store.crossTenantListStatuses;
  if (statuses.length === 0) return own;
  const nowMs = ctx.clock.now();
  const others = ctx.state.actions
    .tenants()
    .filter((tenant) => tenant !== tenantId)
    .flatMap((tenant) => ctx.state.actions.list(tenant))
    .filter((action) => statuses.includes(settle(action, nowMs).status));
  return [...own, ...others];
}

// Whether the store policy lists every tenant's actions for a $filter naming this field.
function namesCrossTenantField(ctx: EmulatorContext, filterText: unknown): boolean {
  const fields = ctx.faults.store.crossTenantListFilters;
  if (typeof filterText !== 'string' || fields.length === 0) return false;
  return fields.some((field) => new RegExp(`\\b${field}\\b`, 'i').test(filterText));
}

// Whether the store policy lists every tenant's actions for a $filter using this operator. Quoted
// literals are left out first (OData doubles a quote inside one), so a value holding the word is none.
function usesCrossTenantOperator(ctx: EmulatorContext, filterText: unknown): boolean {
  const operators = ctx.faults.store.crossTenantListOperators;
  if (typeof filterText !== 'string' || operators.length === 0) return false;
  const bare = filterText.replace(/'(?:[^']|'')*'/g, "''");
  return operators.some((operator) => new RegExp(`\\b${operator}\\b`).test(bare));
}

// Whether the store policy lists every tenant's actions for a $filter comparing id with a value not in
// lower case (the case-insensitive search of ids that skips the tenant).
function namesUnloweredId(ctx: EmulatorContext, filterText: unknown): boolean {
  if (!ctx.faults.store.crossTenantUnloweredListIds || typeof filterText !== 'string') return false;
  const values = [...filterText.matchAll(/\bid\s+eq\s+'([^']*)'/gi)].map((match) => match[1]!);
  return values.some((value) => value !== value.toLowerCase());
}

// Whether the store policy lists every tenant's actions for a query naming this option.
function namesCrossTenantOption(ctx: EmulatorContext, query: Record<string, unknown>): boolean {
  const options = ctx.faults.store.crossTenantListOptions;
  return options.length > 0 && options.some((option) => query[option] !== undefined);
}

// The contract names the filterable fields (x-filterable on the list operation).
function filterableFields(ctx: EmulatorContext): string[] {
  const path = ctx.contract.document.paths?.['/api/machineactions']?.get as
    | Record<string, unknown>
    | undefined;
  const fields = path?.['x-filterable'];
  return Array.isArray(fields)
    ? (fields as string[])
    : ['id', 'status', 'machineId', 'type', 'requestor', 'creationDateTimeUtc'];
}
