import type { TenantTarget } from '../../config/target-spec.ts';
import { NotApplicableError, SafetyInterlockError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { CallGuard } from '../../http/call-guard.ts';

// The safety switches and interlocks of a tenant run. The switches make what needs them not applicable
// (the driver asks before it arranges anything); the interlocks check every call before it leaves
// (TenantState.beforeCall), so a test or a driver bug cannot touch what the run does not own.

export type GuardedCall = Parameters<CallGuard['beforeCall']>[0];

const WRITES_REASON =
  'needs MDE_ALLOW_WRITES=true and MDE_MACHINE_ID: the suite starts a quick antivirus scan on that device to have something to cancel';

// What needs a scan of the run's own is not applicable without the switch and the device to scan.
export function needWrites(spec: TenantTarget): asserts spec is TenantTarget & { machineId: string } {
  if (!spec.allowWrites || !spec.machineId) throw new NotApplicableError(WRITES_REASON);
}

// Deliberate throttling, and moving time by waiting for it, only with the switches on. `why` begins the
// reason (what needs them); the hour limit needs its own switch too.
export function needThrottling(spec: TenantTarget, why: string, window: 'minute' | 'hour' = 'minute'): void {
  if (!spec.allowThrottling) throw new NotApplicableError(`${why} needs MDE_ALLOW_THROTTLING=true`);
  if (window === 'hour' && !spec.allowHourThrottling)
    throw new NotApplicableError(
      'exhausting the hour limit takes from 15 minutes to about 2.5 hours of real time; needs MDE_ALLOW_HOUR_THROTTLING=true',
    );
}

// The actions a worker may cancel: created by this run, found in a final state, or ids it made up.
export interface CancellableIds {
  readonly created: ReadonlyMap<string, unknown>;
  readonly foundFinal: ReadonlySet<string>;
  readonly minted: ReadonlySet<string>;
}

// Any form a GUID parser accepts (D, N, B, P): such an id could name a real action.
const GUID_FORMS = /^\s*[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[)}]?\s*$/i;

// Throws a no-verdict SafetyInterlockError for a call the switches do not allow: a cancel of what the
// run does not own, a scan without MDE_ALLOW_WRITES or on another device, any other write.
export function refuseUnsafeCall(call: GuardedCall, spec: TenantTarget, ids: CancellableIds): void {
  if (call.operationId === 'CancelMachineAction') refuseForeignCancel(call.id ?? '', ids);
  else if (call.operationId === 'RunAntiVirusScan') {
    if (!spec.allowWrites) throw noVerdict(new SafetyInterlockError(`starting a scan ${WRITES_REASON}.`));
    if (call.id !== spec.machineId)
      throw noVerdict(
        new SafetyInterlockError(
          'scans may only be started on MDE_MACHINE_ID; refused a scan on another device.',
        ),
      );
  } else if (call.method !== 'GET')
    throw noVerdict(new SafetyInterlockError(`the suite never calls ${call.operationId} on a tenant.`));
}

// Only what this run created, found final, or made up itself; a malformed id cannot name an action.
// A made-up id names none in any case (CANCEL.NOTFOUND sends one in upper case too).
function refuseForeignCancel(id: string, ids: CancellableIds): void {
  if (ids.created.has(id) || ids.foundFinal.has(id) || ids.minted.has(id.toLowerCase())) return;
  if (!GUID_FORMS.test(id)) return;
  throw noVerdict(
    new SafetyInterlockError(
      `refused to cancel ${id}: this run neither created it nor found it in a final state.`,
    ),
  );
}
