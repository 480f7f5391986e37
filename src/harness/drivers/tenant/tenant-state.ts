import { join } from 'node:path';
import type { CredentialSpec } from '../../config/credential-spec.ts';
import type { TenantTarget } from '../../config/target-spec.ts';
import { QuotaExceededError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { AnsweredCall, CallGuard } from '../../http/call-guard.ts';
import type { Exchange } from '../../http/exchange.ts';
import type { HttpSettings } from '../../http/transport.ts';
import { SignInError } from '../../identity/sign-in-error.ts';
import { type TokenSource, tokenSourceFor } from '../../identity/token-source.ts';
import { redactValue } from '../../redaction/redact-structure.ts';
import type { Identity } from '../target-driver.ts';
import { FreshReads } from './fresh-reads.ts';
import type { QuotaLedger } from './quota-ledger.ts';
import { REAL_TIME, type RealTime } from './real-time.ts';
import { REFUSED_SCANS_FILE, RefusedScans } from './refused-scans.ts';
import { tenantApp } from './tenant-apps.ts';
import { type GuardedCall, refuseUnsafeCall } from './tenant-interlocks.ts';
import { quotaKeyOf, tenantQuotaLedger } from './tenant-quota.ts';
import { actionLedgerFile, writeActionLedger } from './tenant-reports.ts';

export interface LedgerEntry {
  id: string;
  type: string;
  machineId: string;
  createdAt: string;
  // Who brought it to a final state: the test itself, or the teardown.
  cancelledBy?: 'test' | 'teardown';
  lastStatus?: string;
}

export interface TenantRuntimeOptions {
  spec: TenantTarget;
  http: HttpSettings;
  runId: string;
  // test-results/: the quota ledger file and the per-worker action ledgers live there.
  resultsDir: string;
  // Real time: the system's unless a unit test gives its own.
  clock?: RealTime;
}

// What one worker knows about the tenant: tokens, the actions it created, those it found final, and
// the ids it made up. The interlocks consult it before every write.
export class TenantState implements CallGuard {
  readonly created = new Map<string, LedgerEntry>();
  readonly foundFinal = new Set<string>();
  readonly minted = new Set<string>();
  readonly sources = new Map<CredentialSpec, TokenSource>();
  readonly ledger: QuotaLedger;
  readonly refusedScans: RefusedScans;
  readonly clock: RealTime;
  // The target's clock minus the local one, learnt from a Date header (TenantDriver.clockNow).
  clockOffsetMs: number | undefined;
  // Whether this worker has taken over what a worker of the run that died left (abandoned-actions.ts).
  abandonedTaken = false;
  // When each scan whose answer has not been handled yet was sent (unanswered-scans.ts).
  unansweredScans: string[] = [];
  readonly serverFailuresPass = true;
  readonly freshReads = new FreshReads();
  private stoppingCalls = 0;

  constructor(readonly options: TenantRuntimeOptions) {
    this.clock = options.clock ?? REAL_TIME;
    this.ledger = tenantQuotaLedger(options.spec, options.runId, options.resultsDir, this.clock);
    this.refusedScans = new RefusedScans(
      join(options.resultsDir, REFUSED_SCANS_FILE),
      options.runId,
      `${this.quotaKey('operator')}|${options.spec.machineId ?? ''}`,
    );
  }

  async beforeCall(call: GuardedCall): Promise<() => void> {
    // On its way from here until answered or lost, for the reads a test may take instead of a GET.
    const done = this.freshReads.callSent(call.operationId === 'GetMachineAction' ? call.id : undefined);
    const settled = await this.reserve(call).catch((error: unknown) => {
      done();
      throw error;
    });
    return () => {
      done();
      settled();
    };
  }

  // The interlocks (tenant-interlocks.ts), then the call's place in the quota ledger.
  private async reserve(call: GuardedCall): Promise<() => void> {
    refuseUnsafeCall(call, this.options.spec, this);
    // Nothing of the app's quota to keep: held at the minute share, a read-only run's 51st cancel (two
    // of them sent without Authorization) waited a minute at the default MDE_QUOTA_SHARE.
    if (call.anonymous) return () => {};
    const key = this.quotaKey(call.caller);
    try {
      const exempt = call.caller === 'throttle' || this.stoppingCalls > 0;
      const reservedAt = await this.ledger.reserve(key, call.operationId, exempt);
      return () => this.ledger.answered(key, call.operationId, reservedAt);
    } catch (error) {
      throw error instanceof QuotaExceededError ? noVerdict(error) : error;
    }
  }

  // The teardown's calls, which find, cancel and read back what the run left running on a device:
  // counted in the quota ledger, but never held nor refused by MDE_QUOTA_SHARE, which keeps room for
  // the app's other automation; a scan left running weighs more, and a stop held a minute outlasts a
  // CI's grace. The tenant's own limit still holds: its 429 is waited out (tenant-teardown.ts).
  async stopping<T>(send: () => Promise<T>): Promise<T> {
    this.stoppingCalls++;
    try {
      return await send();
    } finally {
      this.stoppingCalls--;
    }
  }

  // A read of an action this run created tells its status, and an accepted cancel that a test cancelled
  // it: the teardown then spends no call on it (tenant-teardown.ts).
  afterCall(exchange: Exchange, call?: AnsweredCall): void {
    const body = exchange.body as { id?: unknown; status?: unknown } | undefined;
    this.freshReads.answered(exchange, call);
    const entry = typeof body?.id === 'string' ? this.created.get(body.id) : undefined;
    if (!entry || exchange.status !== 200) return;
    if (exchange.operationId === 'GetMachineAction' && typeof body?.status === 'string')
      entry.lastStatus = body.status;
    if (exchange.operationId === 'CancelMachineAction') entry.cancelledBy ??= 'test';
  }

  // The ledger's key of a caller (tenant-quota.ts).
  quotaKey(label: string): string {
    const identity = (label === 'throttle' ? 'operator' : label) as Identity;
    return quotaKeyOf(this.options.spec, label, this.app(identity).app);
  }

  app(identity: Identity): { app: CredentialSpec; scope: string } {
    return tenantApp(this.options.spec, identity);
  }

  // One token source per app; @azure/identity caches and renews its tokens.
  async token(identity: Identity): Promise<string> {
    const { app, scope } = this.app(identity);
    let source = this.sources.get(app);
    if (!source) {
      const { authBaseUrl, tenantId, variables } = this.options.spec;
      source = tokenSourceFor(app, { authBaseUrl, tenantId, ...(variables ? { variables } : {}) });
      this.sources.set(app, source);
    }
    try {
      return (await source.token(scope)).accessToken;
    } catch (error) {
      throw error instanceof SignInError ? noVerdict(error) : error;
    }
  }

  // Redacted as it is written: an entry keeps what the target answered (type, status), and
  // tenant-ledger.json is made of these files as they stand. The ids the teardown needs stay (GUIDs).
  writeLedger(): void {
    const { resultsDir, runId, spec } = this.options;
    writeActionLedger(
      actionLedgerFile(resultsDir, runId, spec, process.pid),
      JSON.stringify(
        {
          runId,
          actions: redactValue([...this.created.values()]),
          ...(this.unansweredScans.length > 0 ? { unansweredScans: this.unansweredScans } : {}),
        },
        null,
        2,
      ),
    );
  }
}
