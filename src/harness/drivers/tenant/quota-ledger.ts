import type { RateLimit } from '../../../contract/index.ts';
import { minimumShare } from '../../config/quota-share.ts';
import { QuotaExceededError } from '../../errors.ts';
import { type LedgerState, QuotaLedgerFile } from './quota-ledger-file.ts';
import { REAL_TIME, type RealTime } from './real-time.ts';

// Counts every call a run makes to a real tenant, per app and operation, in sliding minute and hour
// windows, and refuses a call that would use more than `share` of a documented limit. The state is a
// JSON file shared by all workers (and shards on one machine): quota-ledger-file.ts.

export interface QuotaLedgerOptions {
  file: string;
  runId: string;
  share: number;
  // 'app': the minute and hour share hold every call of a caller together, not each operation's apart.
  scope?: 'operation' | 'app';
  limitOf(operationId: string): RateLimit;
  // Real time unless a caller injects its own (a unit test's fake clock neither reads nor waits it).
  clock?: RealTime;
}

export interface QuotaReport {
  runId: string;
  share: number;
  // What the share is of: each operation's limits, or all of an app's calls together (MDE_QUOTA_SCOPE).
  scope: 'operation' | 'app';
  calls: { caller: string; operationId: string; total: number; peakPerMinute: number; limit: RateLimit }[];
}

// Calls a caller is about to make together (QuotaLedger.waitForRoom): in scope 'app' name each of its
// operations' calls in one need, the caller's operations all counting in one window.
export interface RoomNeed {
  caller: string;
  operationId: string;
  calls: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

export class QuotaLedger {
  private readonly clock: RealTime;
  private readonly file: QuotaLedgerFile;
  constructor(private readonly options: QuotaLedgerOptions) {
    this.clock = options.clock ?? REAL_TIME;
    this.file = new QuotaLedgerFile(options.file, options.runId, this.clock);
  }

  // Records one call. When the minute share is used up it waits for the window to free (at most a
  // minute); when the hour share is used up it throws QuotaExceededError without recording anything.
  // exempt: counted but not limited (tests that deliberately exhaust the limit with
  // MDE_ALLOW_THROTTLING=true).
  // Answers the time recorded, for answered() to move.
  async reserve(caller: string, operationId: string, exempt = false): Promise<number> {
    for (;;) {
      const reservedAt = this.clock.now();
      const waitMs = this.tryReserve(caller, operationId, exempt, reservedAt);
      if (waitMs === 0) return reservedAt;
      await this.clock.sleep(waitMs);
    }
  }

  // The target counts a call when it arrives, which may be well after its reservation (a token to fetch
  // first, the way there): counted from its reservation, a full minute share let the 101st call reach
  // the target while the first still counted there, and a lawful tenant answered 429. A call is counted
  // from its answer instead, when it has certainly arrived.
  answered(caller: string, operationId: string, reservedAt: number): void {
    this.file.update((state) => {
      const recent = state.recent[`${caller}|${operationId}`];
      const at = recent?.indexOf(reservedAt) ?? -1;
      if (recent && at >= 0) recent[at] = Math.max(reservedAt, this.clock.now());
    });
  }

  // 0 when recorded, else how long to wait before the minute window has room.
  tryReserve(caller: string, operationId: string, exempt = false, now = this.clock.now()): number {
    const limit = this.options.limitOf(operationId);
    let waitMs = 0;
    this.file.update((state) => {
      const key = `${caller}|${operationId}`;
      const recent = (state.recent[key] ?? []).filter((t) => t > now - HOUR);
      const counted = this.options.scope === 'app' ? this.appCalls(state, caller, now) : recent;
      const inMinute = counted.filter((t) => t > now - MINUTE);
      const what =
        this.options.scope === 'app'
          ? `${caller} (every operation together, MDE_QUOTA_SCOPE=app)`
          : `${caller} ${operationId}`;
      const maxMinute = Math.floor(limit.perMinute * this.options.share);
      const maxHour = Math.floor(limit.perHour * this.options.share);
      // A share too small for one call a minute (MDE_QUOTA_SHARE=0.005 of 100) left no call to wait
      // for: the wait came out Infinity, which setTimeout reads as 1 ms, and the call spun until the
      // test timed out, printing a TimeoutOverflowWarning each turn.
      if (!exempt && maxMinute < 1)
        throw new QuotaExceededError(
          `MDE_QUOTA_SHARE=${this.options.share} leaves ${operationId} no call a minute (its limit is ${limit.perMinute}); set MDE_QUOTA_SHARE to at least ${minimumShare(limit.perMinute)}.`,
        );
      if (!exempt && counted.length >= maxHour)
        throw new QuotaExceededError(
          `${what} has made ${counted.length} calls in the last hour, its share ${maxHour} of ${limit.perHour}; the run stops short of the tenant's quota. Raise MDE_QUOTA_SHARE (at most 1), run fewer tests, or wait an hour.`,
        );
      if (!exempt && inMinute.length >= maxMinute) {
        waitMs = Math.max(1, Math.min(...inMinute) + MINUTE - now);
        return;
      }
      recent.push(now);
      state.recent[key] = recent;
      state.totals[key] = (state.totals[key] ?? 0) + 1;
      state.peakMinute[key] = Math.max(
        state.peakMinute[key] ?? 0,
        recent.filter((t) => t > now - MINUTE).length,
      );
    });
    return waitMs;
  }

  // Waits, recording nothing, until every caller's minute window has room for the calls it names at
  // once; at most a minute, the length of the window (other workers may fill it again meanwhile). What
  // no minute's wait frees is not waited for: the calls meet the share as ever when they are made.
  async waitForRoom(needs: readonly RoomNeed[]): Promise<void> {
    const until = this.clock.now() + MINUTE;
    for (;;) {
      const waitMs = Math.max(0, ...needs.map((need) => this.roomWaitMs(need)));
      if (waitMs === 0 || this.clock.now() >= until) return;
      await this.clock.sleep(Math.min(waitMs, until - this.clock.now()));
    }
  }

  // 0 when the caller's minute window holds `calls` more now, else how long until it does. A need
  // above the share counts as the whole share; one of a spent hour share counts as none.
  roomWaitMs({ caller, operationId, calls }: RoomNeed, now = this.clock.now()): number {
    const limit = this.options.limitOf(operationId);
    const state = this.file.read();
    const counted =
      this.options.scope === 'app'
        ? this.appCalls(state, caller, now)
        : (state.recent[`${caller}|${operationId}`] ?? []);
    const maxMinute = Math.floor(limit.perMinute * this.options.share);
    if (maxMinute < 1 || counted.length >= Math.floor(limit.perHour * this.options.share)) return 0;
    const inMinute = counted.filter((t) => t > now - MINUTE).sort((a, b) => a - b);
    const over = inMinute.length - (maxMinute - Math.min(calls, maxMinute));
    return over <= 0 ? 0 : Math.max(1, inMinute[over - 1]! + MINUTE - now);
  }

  // Every call of the caller in the last hour, whatever the operation (scope 'app').
  private appCalls(state: LedgerState, caller: string, now: number): number[] {
    return Object.entries(state.recent)
      .filter(([k]) => k.startsWith(`${caller}|`))
      .flatMap(([, times]) => times.filter((t) => t > now - HOUR));
  }

  // Epoch ms of every caller's calls to the operation in the last hour, oldest first: a tenant may
  // count its limit per tenant, so the conservative reading sums all its callers (`ofCaller` keeps
  // those of the tenant: their keys, "operator#1a2b3c4d5e#...").
  callsInLastHour(operationId: string, ofCaller: (callerKey: string) => boolean = () => true): number[] {
    const since = this.clock.now() - HOUR;
    return Object.entries(this.file.read().recent)
      .filter(([key]) => key.endsWith(`|${operationId}`) && ofCaller(key.slice(0, key.lastIndexOf('|'))))
      .flatMap(([, times]) => times.filter((t) => t > since))
      .sort((a, b) => a - b);
  }

  // Epoch ms of the caller's latest call to the operation, if any in the last hour.
  lastCall(caller: string, operationId: string): number | undefined {
    const recent = this.file.read().recent[`${caller}|${operationId}`] ?? [];
    return recent.length ? Math.max(...recent) : undefined;
  }

  // This run's calls; `ofCaller` keeps only the callers it accepts (their keys, "operator#1a2b3c4d5e").
  report(ofCaller: (callerKey: string) => boolean = () => true): QuotaReport {
    const state = this.file.read();
    return {
      runId: this.options.runId,
      share: this.options.share,
      scope: this.options.scope ?? 'operation',
      calls: Object.entries(state.totals)
        .filter(([key]) => ofCaller(key.split('|')[0]!))
        .map(([key, total]) => {
          const [callerKey, operationId] = key.split('|') as [string, string];
          // "operator#1a2b3c4d5e" → "operator": reports show the label only.
          const caller = callerKey.split('#')[0]!;
          return {
            caller,
            operationId,
            total,
            peakPerMinute: state.peakMinute[key] ?? 0,
            limit: this.options.limitOf(operationId),
          };
        })
        .sort((a, b) => a.caller.localeCompare(b.caller) || a.operationId.localeCompare(b.operationId)),
    };
  }
}
