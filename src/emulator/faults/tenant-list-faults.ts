import type { StoreFault } from './fault-entry.ts';

// Faults of which tenants' actions the list shows (the store seam: state/tenant-lookup-policy.ts): a list
// that leaves the tenant out altogether, or only for some of the documented $filter fields.
export const TENANT_LIST_FAULTS = [
  {
    name: 'tenant-leak-list',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "The list shows every tenant's actions (GET and cancel of another tenant's id still answer 404).",
    store: { crossTenant: ['ListMachineActions'] },
  },
  {
    name: 'tenant-leak-list-unfiltered',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list without $filter shows every tenant's actions (one filtered by id, GET and cancel keep to the caller's tenant).",
    store: { unfilteredListCrossTenant: true },
  },
  {
    name: 'tenant-leak-list-by-machine',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter names machineId shows every tenant's matching actions (a device index without the tenant check); one filtered by id, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListFilters: ['machineId'] },
  },
  {
    // The documented OData example filters by requestor: an app id, which a multi-tenant app shares
    // across tenants, so an index of requestors is no place to leave the tenant check out.
    name: 'tenant-leak-list-by-requestor',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter names requestor shows every tenant's matching actions (an index of requestors without the tenant check); one filtered by id or machineId, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListFilters: ['requestor'] },
  },
  {
    // The documented filter fields include status: an index of states, as of devices or requestors, is
    // no place to leave the tenant check out either.
    name: 'tenant-leak-list-by-status',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter names status shows every tenant's matching actions (an index of statuses without the tenant check); one filtered by id, machineId or requestor, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListFilters: ['status'] },
  },
  {
    // A time index, as a status index, holds every tenant's actions: a range over it needs the tenant too.
    name: 'tenant-leak-list-by-creation-time',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter names creationDateTimeUtc shows every tenant's matching actions (a time index without the tenant check); one filtered by id, machineId, requestor, type or status, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListFilters: ['creationDateTimeUtc'] },
  },
  {
    // Clients reconcile many actions in one list with `id in (...)` (docs/contract.md#list): a batch
    // lookup of ids, like a device index, is no place to leave the tenant check out.
    name: 'tenant-leak-list-by-id-in',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter uses 'in' (id in ('...')) shows every tenant's matching actions (a batch lookup of ids without the tenant check); one using eq on any field, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListOperators: ['in'] },
  },
  {
    // `tenantId eq T and ` + $filter, without parentheses: `and` binds tighter than `or`, so every
    // operand after the first `or` reaches past the tenant.
    name: 'tenant-leak-list-or',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter joins terms with 'or' shows every tenant's matching actions (the tenant's clause joined to the filter as text, without parentheses); one with a single term, or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListOperators: ['or'] },
  },
  {
    // A compound filter handed to a search index that holds every tenant's actions (one term is served
    // from the tenant's own store): the list page's documented example is such a filter.
    name: 'tenant-leak-list-and',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list whose $filter joins terms with 'and' (the documented requestor eq '...' and type eq '...') shows every tenant's matching actions; one with a single term, joined with 'or', or unfiltered, keeps to the caller's tenant.",
    store: { crossTenantListOperators: ['and'] },
  },
  {
    // Clients sort what they reconcile (Kibana sends $orderby): a sorted index, as a time index, holds
    // every tenant's actions and needs the tenant check too.
    name: 'tenant-leak-list-ordered',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list with $orderby shows every tenant's matching actions (a sorted index without the tenant check); one without it, filtered or not, keeps to the caller's tenant.",
    store: { crossTenantListOptions: ['$orderby'] },
  },
  {
    // The list page's documented example pages its answer ($top=2): a paged query served from a paging
    // index of every tenant is no place to leave the tenant check out either.
    name: 'tenant-leak-list-paged',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list with $top or $skip shows every tenant's matching actions (a paged query served from an index without the tenant check); one without either, filtered or not, keeps to the caller's tenant.",
    store: { crossTenantListOptions: ['$top', '$skip'] },
  },
  {
    // Clients ask for the count as they reconcile (Kibana sends $count=true): a counted query served
    // from an index that counts every tenant's actions returns their rows too.
    name: 'tenant-leak-list-counted',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "A list with $count=true shows every tenant's matching actions (a counted query served from an index without the tenant check); one without it, filtered, sorted or paged or not, keeps to the caller's tenant.",
    store: { crossTenantListOptions: ['$count'] },
  },
  {
    // Running actions merged into every list from the devices' live view (the list twin of
    // tenant-leak-get-running): the other tenant's lists were asked while this tenant held a Pending
    // action alone.
    name: 'tenant-leak-list-running',
    seam: 'store',
    breaks: ['CANCEL.TENANT'],
    description:
      "Every list, whatever its query, also shows other tenants' InProgress actions (merged in from the devices' live view, which is not kept per tenant); their Pending and final actions stay out, and GET and cancel keep to the caller's tenant.",
    store: { crossTenantListStatuses: ['InProgress'] },
  },
] as const satisfies readonly StoreFault[];
