import { mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RateLimit } from '../../contract/index.ts';
import { QuotaExceededError } from '../errors.ts';

// Counts every call a run makes to a real tenant, per app and operation, in sliding minute and hour
// windows, and refuses a call that would use more than `share` of a documented limit. The state is a
// JSON file shared by all workers (and shards on one machine), guarded by an atomic mkdir lock.

interface LedgerState {
  // "caller|operationId" → epoch ms of the calls of the last hour.
  recent: Record<string, number[]>;
  // "caller|operationId" → every call of the run.
  totals: Record<string, number>;
  // "caller|operationId" → most calls seen within one minute.
  peakMinute: Record<string, number>;
}

export interface QuotaLedgerOptions {
  file: string;
  share: number;
  limitOf(operationId: string): RateLimit;
  now?: () => number;
}

export interface QuotaReport {
  share: number;
  calls: { caller: string; operationId: string; total: number; peakPerMinute: number; limit: RateLimit }[];
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const LOCK_STALE_MS = 10_000;

export class QuotaLedger {
  private readonly now: () => number;
  constructor(private readonly options: QuotaLedgerOptions) {
    this.now = options.now ?? Date.now;
  }

  // Records one call, or throws QuotaExceededError without recording it. exempt: counted but not
  // limited (tests that deliberately exhaust the limit with MDE_ALLOW_THROTTLING=true).
  reserve(caller: string, operationId: string, exempt = false): void {
    const limit = this.options.limitOf(operationId);
    this.withLock((state) => {
      const key = `${caller}|${operationId}`;
      const now = this.now();
      const recent = (state.recent[key] ?? []).filter((t) => t > now - HOUR);
      const inMinute = recent.filter((t) => t > now - MINUTE).length;
      const maxMinute = Math.floor(limit.perMinute * this.options.share);
      const maxHour = Math.floor(limit.perHour * this.options.share);
      if (!exempt && (inMinute >= maxMinute || recent.length >= maxHour)) {
        const which =
          inMinute >= maxMinute
            ? `${inMinute} calls in the last minute (share ${maxMinute} of ${limit.perMinute})`
            : `${recent.length} calls in the last hour (share ${maxHour} of ${limit.perHour})`;
        throw new QuotaExceededError(
          `QuotaExceededError: ${caller} ${operationId} has used ${which}; the run stops short of the tenant's quota. Raise MDE_QUOTA_SHARE (at most 1) or run fewer tests.`,
        );
      }
      recent.push(now);
      state.recent[key] = recent;
      state.totals[key] = (state.totals[key] ?? 0) + 1;
      state.peakMinute[key] = Math.max(state.peakMinute[key] ?? 0, inMinute + 1);
    });
  }

  // Epoch ms of the caller's latest call to the operation, if any in the last hour.
  lastCall(caller: string, operationId: string): number | undefined {
    const recent = this.read().recent[`${caller}|${operationId}`] ?? [];
    return recent.length ? Math.max(...recent) : undefined;
  }

  report(): QuotaReport {
    const state = this.read();
    return {
      share: this.options.share,
      calls: Object.entries(state.totals)
        .map(([key, total]) => {
          const [caller, operationId] = key.split('|') as [string, string];
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

  private read(): LedgerState {
    try {
      return JSON.parse(readFileSync(this.options.file, 'utf8')) as LedgerState;
    } catch {
      return { recent: {}, totals: {}, peakMinute: {} };
    }
  }

  private withLock(update: (state: LedgerState) => void): void {
    const lock = `${this.options.file}.lock`;
    mkdirSync(dirname(this.options.file), { recursive: true });
    acquire(lock);
    try {
      const state = this.read();
      update(state);
      const temp = `${this.options.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify(state));
      renameSync(temp, this.options.file);
    } finally {
      rmdirSync(lock);
    }
  }
}

function acquire(lock: string): void {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (Date.now() - statMtime(lock) > LOCK_STALE_MS) {
        try {
          rmdirSync(lock);
        } catch {}
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Could not lock ${lock} within 5 s; remove it if no run is active.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function statMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
