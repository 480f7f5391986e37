import { randomBytes } from 'node:crypto';
import { NotApplicableError, TransportError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { ApiClient } from '../../http/api-client.ts';
import type { Exchange } from '../../http/exchange.ts';
import { SETTLE_BOUND_SECONDS } from '../eventually.ts';
import { PreconditionError } from '../precondition-error.ts';
import type { MachineActionRecord, TargetDriver } from '../target-driver.ts';
import { scanRefusal } from './scan-refusal.ts';
import { waitForScanRoom } from './scan-room.ts';
import { ServerFailureError } from './server-failure-error.ts';
import type { TenantState } from './tenant-state.ts';
import { runTagOf } from './unanswered-scans.ts';

export interface StartedScan {
  exchange: Exchange;
  // The answer carries an action this run started (its Comment has the run's tag): set when it does.
  ours?: MachineActionRecord;
  // First seen by this call: the test that asked owns it and its teardown.
  fresh: boolean;
  // Ours, and a GET of it answered 200 within the settle bound.
  readable: boolean;
  // Neither the answer nor a GET of its action names a requestorComment: whose it is cannot be told.
  untold?: boolean;
  // A GET of it answered 429 meanwhile: the reads stopped there.
  throttled?: boolean;
  // Its requestorComment is the one this call sent (a nonce ends it): started by this call, whatever
  // its status.
  sentByThisCall?: boolean;
}

// Starts a quick scan on a tenant device and records it in the worker's ledger. One this run started
// is read back until GET answers 200: a new action may answer 404 for a moment while it replicates
// (docs/contract.md#hosts).
export async function startScan(
  api: ApiClient,
  state: TenantState,
  machineId: string,
  eventually: TargetDriver['eventually'],
): Promise<StartedScan> {
  const runTag = runTagOf(state.options.runId);
  // The scan's clock starts only when the calls that follow it can go at once (scan-room.ts).
  await waitForScanRoom(state);
  // On disk before it is sent: an answer lost, or a worker killed while it waits, leaves the note for a
  // look at the device's list (unanswered-scans.ts). Kept only when the exchange is lost: a scan the
  // suite itself refused to send (an interlock, the quota) started nothing.
  const sentAt = new Date(state.clock.now()).toISOString();
  // The nonce tells this call's action from one running already, which a tenant may answer instead.
  const comment = `${runTag} quick scan to cancel ${randomBytes(4).toString('hex')}`;
  state.unansweredScans.push(sentAt);
  state.writeLedger();
  let exchange: Exchange;
  try {
    exchange = await api.runAntiVirusScan(machineId, {
      Comment: comment,
      ScanType: 'Quick',
    });
  } catch (error) {
    // Lost, or answered 5xx (a server failure): either may have started the scan, so the note stays.
    if (!(error instanceof TransportError || error instanceof ServerFailureError)) answered(state, sentAt);
    throw error;
  }
  try {
    const started = await recordScan(api, state, machineId, exchange, runTag, eventually);
    if (started.ours?.requestorComment === comment) started.sentByThisCall = true;
    answered(state, sentAt);
    return started;
  } catch (error) {
    // A read that would tell whether an answered action is the run's was lost: the note stays for the look.
    const id = (exchange.body as MachineActionRecord | undefined)?.id;
    if (!(error instanceof TransportError) || (typeof id === 'string' && state.created.has(id)))
      answered(state, sentAt);
    throw error;
  }
}

// The answer is handled: what it started is in the ledger, or it started nothing of the run's.
function answered(state: TenantState, sentAt: string): void {
  const at = state.unansweredScans.indexOf(sentAt);
  if (at < 0) return;
  state.unansweredScans.splice(at, 1);
  state.writeLedger();
}

async function recordScan(
  api: ApiClient,
  state: TenantState,
  machineId: string,
  exchange: Exchange,
  runTag: string,
  eventually: TargetDriver['eventually'],
): Promise<StartedScan> {
  const body = exchange.body as MachineActionRecord | undefined;
  // A duplicate may come back as someone else's running action (docs/contract.md#duplicate-actions): only an
  // action whose Comment starts with this run's whole tag is ours to cancel. A substring match took run
  // nightly-12's scan for run nightly-1's, and cancelled it.
  const tagged = (action: unknown) =>
    String((action as MachineActionRecord | undefined)?.requestorComment ?? '').startsWith(runTag);
  if (exchange.status >= 300 || !body?.id) return { exchange, fresh: false, readable: false };
  const readBack = () =>
    eventually(
      () => api.get(body.id),
      (res) => res.status === 200,
    );
  let seen: Awaited<ReturnType<typeof readBack>> | undefined;
  let ours = body;
  if (!tagged(body)) {
    // Any member but four may be null or left out (docs/contract.md#machine-action-fields): an answer
    // without requestorComment is not someone else's scan. The action's own read tells; taking it for
    // another's left this run's scan running, outside the ledger, and every later test N/A.
    if (typeof body.requestorComment === 'string') return { exchange, fresh: false, readable: false };
    seen = await readBack();
    if (!tagged(seen.value.body)) return { exchange, fresh: false, readable: false, untold: true };
    ours = { ...body, requestorComment: (seen.value.body as MachineActionRecord).requestorComment };
  }
  // machineId may be null or left out (docs/contract.md#machine-action-fields); the scan was started on
  // this device, so a test starting another scan there (CANCEL.REOPEN) is not left without one.
  if (typeof ours.machineId !== 'string' || ours.machineId === '') ours = { ...ours, machineId };
  const fresh = !state.created.has(body.id);
  if (fresh)
    state.created.set(body.id, {
      id: body.id,
      type: body.type,
      machineId,
      createdAt: new Date(state.clock.now()).toISOString(),
      lastStatus: body.status,
    });
  // At once, not only when the worker ends: a worker that dies leaves it for the next one to cancel.
  if (fresh) state.writeLedger();
  seen ??= await readBack();
  return { exchange, ours, fresh, readable: seen.settled, throttled: seen.value.status === 429 };
}

// What activeAction hands a test: a new action of this run, readable, or (for a test that asks twice)
// one the same test started. Anything else ends the test with the reason: N/A, or no verdict.
// `clientIdVariable` names where the operator app's id came from, for a refusal's line.
export function scanToCancel(
  started: StartedScan,
  mine: readonly string[],
  clientIdVariable?: string,
): MachineActionRecord {
  const { exchange, ours, fresh, readable, throttled, untold } = started;
  // An earlier test's action, answered as the existing one (docs/contract.md#duplicate-actions): its
  // cancel has not shown yet and keeps the device busy (#cancel-visible-after), and may still land on it.
  if (ours && !fresh && !mine.includes(ours.id))
    throw noVerdict(
      new PreconditionError(
        `the scan on MDE_MACHINE_ID answered with action ${ours.id}, which an earlier test of this run started and which does not yet read as ended: the device is still busy with it, so this test has no new action to cancel (a cancel may show only some time after its 200, docs/contract.md#cancel-visible-after)`,
      ),
    );
  const body = exchange.body as MachineActionRecord | undefined;
  if (exchange.status >= 300 || !body?.id) {
    const refusal = scanRefusal(exchange, clientIdVariable);
    throw refusal instanceof NotApplicableError ? refusal : noVerdict(refusal);
  }
  if (untold)
    throw new NotApplicableError(
      `the scan on MDE_MACHINE_ID answered with action ${body.id}, and neither that answer nor a GET of it names a requestorComment: the suite knows its own scans by the run's tag in their Comment, and does not cancel one it cannot tell for its own (it may be this run's: check the device)`,
    );
  if (!ours)
    throw new NotApplicableError(
      `the scan on MDE_MACHINE_ID answered with action ${body.id}, which this run did not start: someone else's scan is running there`,
    );
  // Ours but not new (200: the running action answered again, e.g. one another worker started). A 200
  // carrying this call's own Comment is new: some pages show 200 for a new action.
  if (exchange.status !== 201 && !started.sentByThisCall)
    throw new NotApplicableError(
      `the scan on MDE_MACHINE_ID answered ${exchange.status} with action ${body.id}, which is still running: the device runs one scan at a time`,
    );
  // The set-up, not the behaviour under test: no verdict rather than a failure.
  if (!readable && throttled)
    throw noVerdict(
      new PreconditionError(
        `GET of the new action ${ours.id} answered 429 (the app's quota is spent, perhaps by another caller of the tenant); run again after its Retry-After`,
      ),
    );
  if (!readable)
    throw noVerdict(
      new PreconditionError(
        `the new action ${ours.id} did not answer GET with 200 within ${SETTLE_BOUND_SECONDS} s (a new action may answer 404 while it replicates, docs/contract.md#hosts); run again, or try another regional host in MDE_API_BASE_URL`,
      ),
    );
  return ours;
}
