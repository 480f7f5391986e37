import { noVerdict } from '../../evidence/no-verdict.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { listPages } from '../../http/list-pages.ts';
import { PreconditionError } from '../precondition-error.ts';
import type { MachineActionRecord } from '../target-driver.ts';

// The first action a tenant lists under `query` (found, never created); a list that fails is a set-up
// without a verdict. A page may be empty and link to the next (docs/contract.md#list-order): read on
// to the first item.
export async function firstListed(
  api: ApiClient,
  query: Record<string, string>,
  what: string,
): Promise<MachineActionRecord | undefined> {
  for await (const res of listPages(api, { ...query, $top: 1 })) {
    if (res.status !== 200)
      throw noVerdict(
        new PreconditionError(`listing ${what} answered ${res.status}; cannot find one to try`),
      );
    const first = (res.body as { value?: MachineActionRecord[] } | undefined)?.value?.[0];
    if (first) return first;
  }
  return undefined;
}
