import { type Predicate, parseFilter, type Row } from './odata-filter.ts';

export class ODataQueryError extends Error {}

export interface ODataQuery {
  filter?: Predicate;
  top?: number;
  skip: number;
  orderBy: { field: string; descending: boolean }[];
  count: boolean;
}

// The list operation's largest page (docs/contract.md#list).
const MAX_TOP = 10_000;

const OPTIONS = new Set(['$filter', '$top', '$skip', '$orderby', '$count']);

// Reads the OData system query options; an unknown `$` option is refused rather than ignored.
export function parseODataQuery(query: Record<string, unknown>, filterable: readonly string[]): ODataQuery {
  for (const name of Object.keys(query))
    if (name.startsWith('$') && !OPTIONS.has(name))
      throw new ODataQueryError(`Query option ${name} is not supported; use ${[...OPTIONS].join(', ')}.`);
  const filter = single(query, '$filter');
  const top = single(query, '$top');
  const skip = single(query, '$skip');
  const count = single(query, '$count');
  return {
    filter: filter === undefined ? undefined : parseFilter(filter, filterable),
    top: top === undefined ? undefined : integer('$top', top, 0, MAX_TOP),
    skip: skip === undefined ? 0 : integer('$skip', skip, 0, Number.MAX_SAFE_INTEGER),
    orderBy: orderBy(single(query, '$orderby'), filterable),
    count: count === undefined ? false : boolean('$count', count),
  };
}

export function applyODataQuery(rows: Row[], query: ODataQuery): { page: Row[]; total: number } {
  let selected = query.filter ? rows.filter(query.filter) : rows;
  const total = selected.length;
  if (query.orderBy.length > 0) selected = [...selected].sort((a, b) => compareRows(a, b, query.orderBy));
  const end = query.top === undefined ? undefined : query.skip + query.top;
  return { page: selected.slice(query.skip, end), total };
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ODataQueryError(`${name} may be given only once.`);
  return value;
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max)
    throw new ODataQueryError(`${name} must be an integer from ${min} to ${max} (got "${text}").`);
  return value;
}

function boolean(name: string, text: string): boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new ODataQueryError(`${name} must be true or false (got "${text}").`);
}

function orderBy(text: string | undefined, fields: readonly string[]): ODataQuery['orderBy'] {
  if (text === undefined) return [];
  return text.split(',').map((part) => {
    const [field, direction, extra] = part.trim().split(/\s+/);
    if (!field || !fields.includes(field) || extra !== undefined)
      throw new ODataQueryError(
        `$orderby "${part.trim()}" must be a field (${fields.join(', ')}) and asc or desc.`,
      );
    if (direction !== undefined && direction !== 'asc' && direction !== 'desc')
      throw new ODataQueryError(`$orderby direction must be asc or desc (got "${direction}").`);
    return { field, descending: direction === 'desc' };
  });
}

function compareRows(a: Row, b: Row, order: ODataQuery['orderBy']): number {
  for (const { field, descending } of order) {
    const x = String(a[field] ?? '');
    const y = String(b[field] ?? '');
    // Wire timestamps share one fixed width, so comparing them as text orders them in time.
    const result = x < y ? -1 : x > y ? 1 : 0;
    if (result !== 0) return descending ? -result : result;
  }
  return 0;
}
