import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeWhole } from '../../../common/write-whole.ts';
import type { Clock } from '../../wall-clock.ts';
import { lockFileSync } from './file-lock.ts';

// The quota ledger's state (quota-ledger.ts): a JSON file shared by all workers (and shards on one
// machine), read and written whole under a lock (file-lock.ts).

export interface LedgerState {
  // The run the totals belong to; the recent calls carry over between runs (the quota does too).
  runId?: string;
  // "caller|operationId" → epoch ms of the calls of the last hour.
  recent: Record<string, number[]>;
  // "caller|operationId" → every call of the run.
  totals: Record<string, number>;
  // "caller|operationId" → most calls seen within one minute.
  peakMinute: Record<string, number>;
}

const HOUR = 3_600_000;

export class QuotaLedgerFile {
  private dirMade = false;
  constructor(
    private readonly file: string,
    private readonly runId: string,
    private readonly clock: Clock,
  ) {}

  read(): LedgerState {
    let state: LedgerState = { recent: {}, totals: {}, peakMinute: {} };
    try {
      state = JSON.parse(readFileSync(this.file, 'utf8')) as LedgerState;
    } catch {}
    if (state.runId !== this.runId) state = { ...state, runId: this.runId, totals: {}, peakMinute: {} };
    // Calls older than an hour count against no quota. Kept, the keys of earlier runs' apps (every
    // self-test rehearsal signs in as new ones) would stay for good, every call reading and writing
    // them again: 41 KB a call after a day of development.
    const since = this.clock.now() - HOUR;
    const recent: Record<string, number[]> = {};
    for (const [key, times] of Object.entries(state.recent ?? {})) {
      const kept = times.filter((t) => t > since);
      if (kept.length > 0) recent[key] = kept;
    }
    return { ...state, recent };
  }

  // Reads the state, lets `update` change it, and writes it back, all under the lock.
  update(update: (state: LedgerState) => void): void {
    if (!this.dirMade) mkdirSync(dirname(this.file), { recursive: true });
    this.dirMade = true;
    const release = lockFileSync(this.file);
    try {
      const state = this.read();
      update(state);
      writeWhole(this.file, JSON.stringify(state));
    } finally {
      release();
    }
  }
}
