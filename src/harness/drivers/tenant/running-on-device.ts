import { NotApplicableError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { ApiClient } from '../../http/api-client.ts';
import { listPages } from '../../http/list-pages.ts';
import { linksOn, MAX_PAGES } from '../../http/next-page.ts';
import { PreconditionError } from '../precondition-error.ts';
import type { MachineActionRecord } from '../target-driver.ts';

// A duplicate scan may be refused with any 4xx (docs/contract.md#duplicate-create), 403 and 404 among
// them: before such a refusal is read as the configuration's fault, the device's own actions say
// whether one is still running there. Undefined when none is, or the list is refused; a list
// answered 429 (a quota shared with other callers) or 5xx is no verdict: read as "none", a busy device's
// refusal became "MDE_MACHINE_ID names no device" for every later write test (proved on the emulator
// with --no-control behind a proxy throttling the device's list).
// Every page is read: a tenant that pages its list (docs/contract.md#list-order) showed only older,
// ended actions on the first, and a busy device was taken for one MDE_MACHINE_ID does not name.
// `counts` picks which active actions answer: a caller looking for someone else's must pass over its
// own, which a lagging list may show first (its cancel not shown there yet).
export async function actionRunningOn(
  api: ApiClient,
  machineId: string,
  counts: (action: MachineActionRecord) => boolean = () => true,
): Promise<MachineActionRecord | undefined> {
  const query = { $filter: `machineId eq '${machineId.replace(/'/g, "''")}'` };
  let last: unknown;
  for await (const res of listPages(api, query)) {
    last = res.body;
    // A 5xx likewise: a server failure worth retrying (docs/contract.md#error-codes), not an empty device.
    if (res.status === 429 || res.status >= 500)
      throw noVerdict(
        new PreconditionError(
          res.status === 429
            ? `the list of MDE_MACHINE_ID's actions answered 429 (quota spent, perhaps by another caller): whether the device is busy cannot be told; run again after its Retry-After`
            : `the list of MDE_MACHINE_ID's actions answered ${res.status}: whether the device is busy cannot be told; run again`,
        ),
      );
    if (res.status !== 200) return undefined;
    const actions = (res.body as { value?: MachineActionRecord[] } | undefined)?.value;
    const running = Array.isArray(actions)
      ? actions.find((a) => (a?.status === 'Pending' || a?.status === 'InProgress') && counts(a))
      : undefined;
    if (running) return running;
  }
  // The list goes on where the suite does not read it (a nextLink to another host, which the caller's
  // token never goes to, or past MAX_PAGES): the device may be busy there. Taken for "none", a busy
  // device's refusal failed CANCEL.REOPEN, or became "MDE_MACHINE_ID names no device" for a device
  // whose own list has actions.
  if (linksOn(last))
    throw noVerdict(
      new PreconditionError(
        `the list of MDE_MACHINE_ID's actions goes on at a page the suite does not read (another host, or past ${MAX_PAGES} pages): whether the device is busy cannot be told`,
      ),
    );
  return undefined;
}

// A 403 or 404 to the scan of a device that is running an action may be its refusal of a duplicate
// (docs/contract.md#duplicate-create): N/A, not the configuration. Not for createAction, whose
// callers judge the answer themselves (CANCEL.DUPLICATE starts the duplicate on purpose).
export async function unlessBusy(api: ApiClient, status: number, machineId: string): Promise<void> {
  if (status !== 403 && status !== 404) return;
  const running = await actionRunningOn(api, machineId);
  if (running)
    throw new NotApplicableError(
      `a quick scan on MDE_MACHINE_ID was refused (${status}) while action ${running.id} (${running.status}) runs there; the device runs one at a time`,
    );
}
