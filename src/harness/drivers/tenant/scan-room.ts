import type { RoomNeed } from './quota-ledger.ts';
import type { TenantState } from './tenant-state.ts';

// Reads of the operator's app a scan's test makes within its short life: the read-back of the new
// action, the state before the cancel, and the reads after it.
const FOLLOW_UP_GETS = 4;

// Before a scan that a test will act on: waits, spending no call, until the quota ledger lets the calls
// of its short life go at once, the scan itself, the operator's reads and a cancel by any app the
// run configured (which one cancels is the test's to choose). Held at the cancel instead, a scan
// waited out a full cancel window (~50 s after a writes run's burst), and a tenant whose quick scans
// end within ~45 s had it Succeeded before the cancel reached it: no verdict, every time.
export async function waitForScanRoom(state: TenantState): Promise<void> {
  const { credentials, quotaScope } = state.options.spec;
  const cancellers = [
    ...(credentials.limited ? ['read-only'] : []),
    ...Object.entries(credentials.roles).flatMap(([role, app]) => (app ? [`role:${role}`] : [])),
  ];
  const operator: RoomNeed[] = [
    { caller: 'operator', operationId: 'RunAntiVirusScan', calls: 1 },
    { caller: 'operator', operationId: 'GetMachineAction', calls: FOLLOW_UP_GETS },
    { caller: 'operator', operationId: 'CancelMachineAction', calls: 1 },
  ];
  // Scope 'app' counts all of a caller's operations in one window: the operator's calls as one need.
  const needs =
    quotaScope === 'app'
      ? [{ caller: 'operator', operationId: 'CancelMachineAction', calls: FOLLOW_UP_GETS + 2 }]
      : operator;
  for (const caller of cancellers) needs.push({ caller, operationId: 'CancelMachineAction', calls: 1 });
  await state.ledger.waitForRoom(needs.map((need) => ({ ...need, caller: state.quotaKey(need.caller) })));
}
