import type { ActionRecord } from './tenant-store.ts';

// The OData options the list understands (docs/contract.md#list): `$filter` as `field eq 'value'`
// clauses joined by `and`, `$top`, `$skip`, `$count`. Anything else is refused, not ignored, so a
// client never mistakes an unfiltered page for a filtered one.
export interface ListQuery {
  filters: { field: keyof ActionRecord; value: string }[];
  top: number;
  skip: number;
  count: boolean;
}

const FIELDS: Readonly<Record<string, keyof ActionRecord>> = {
  id: 'id',
  status: 'status',
  machineid: 'machineId',
  type: 'type',
  requestor: 'requestor',
};
const MAX_TOP = 10_000;
const CLAUSE = /\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*(?:(and)\s+|$)/iy;

export function parseListQuery(query: URLSearchParams): ListQuery | string {
  for (const key of query.keys())
    if (key.startsWith('$') && !['$filter', '$top', '$skip', '$count'].includes(key))
      return `${key} is not supported here: use $filter, $top, $skip or $count`;
  const filters: ListQuery['filters'] = [];
  const filter = query.get('$filter');
  if (filter !== null) {
    CLAUSE.lastIndex = 0;
    let more = true;
    while (more && CLAUSE.lastIndex < filter.length) {
      const match = CLAUSE.exec(filter);
      if (!match)
        return `$filter "${filter}" is not understood: write field eq 'value' clauses joined by and`;
      const field = FIELDS[match[1]!.toLowerCase()];
      if (!field)
        return `$filter on ${match[1]} is not supported: filter on ${Object.keys(FIELDS).join(', ')}`;
      filters.push({ field, value: match[2]!.replaceAll("''", "'") });
      more = match[3] !== undefined;
    }
    if (more && filters.length > 0) return `$filter "${filter}" ends with and: add a clause after it`;
  }
  const top = wholeNumber(query.get('$top'), MAX_TOP);
  const skip = wholeNumber(query.get('$skip'), Number.MAX_SAFE_INTEGER);
  if (top === undefined) return `$top must be a whole number from 0 to ${MAX_TOP}`;
  if (skip === undefined) return '$skip must be a whole number from 0';
  const count = query.get('$count');
  if (count !== null && count !== 'true' && count !== 'false') return '$count must be true or false';
  return { filters, top: top ?? MAX_TOP, skip: skip ?? 0, count: count === 'true' };
}

export function applyListQuery(actions: ActionRecord[], query: ListQuery): ActionRecord[] {
  const kept = actions.filter((action) =>
    query.filters.every(({ field, value }) => String(action[field]).toLowerCase() === value.toLowerCase()),
  );
  return kept.slice(query.skip, query.skip + query.top);
}

// null when absent (the default applies), undefined when not a whole number in range.
function wholeNumber(text: string | null, max: number): number | null | undefined {
  if (text === null) return null;
  if (!/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}
