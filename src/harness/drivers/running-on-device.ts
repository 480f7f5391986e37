import type { ApiClient } from '../http/api-client.ts';
import type { MachineActionRecord } from './target-driver.ts';

// A duplicate scan may be refused with any 4xx (docs/contract.md#duplicate-create), 403 and 404 among
// them: before such a refusal is read as the configuration's fault, the device's own actions say
// whether one is still running there. Undefined when none is, or the list cannot be read.
export async function actionRunningOn(
  api: ApiClient,
  machineId: string,
): Promise<MachineActionRecord | undefined> {
  const res = await api.list({ $filter: `machineId eq '${machineId.replace(/'/g, "''")}'` });
  if (res.status !== 200) return undefined;
  const actions = (res.body as { value?: MachineActionRecord[] } | undefined)?.value ?? [];
  return actions.find((a) => a.status === 'Pending' || a.status === 'InProgress');
}
