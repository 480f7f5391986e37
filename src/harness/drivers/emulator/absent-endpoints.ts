import { join } from 'node:path';
import { ControlProtocolError } from '../../errors.ts';
import { currentTestInfo } from '../../evidence/record-finding.ts';
import { RunMemory } from '../run-memory.ts';

// Control endpoints an emulator showed it lacks (404, 405 or 501), and a control origin where nothing
// listens (connection refused: the emulator stopped): remembered for the run, so that each later test
// needing one ends at once without a verdict (skipped, its row ERROR) instead of failing and costing
// Playwright a new worker. An emulator lacking /_emulator/machines took 34 s to report it instead of
// 8 s, a worker start for each of its 46 tests. So are answers the emulator will give again as wrong
// (`lasting`: a clock that does not move, a seed answered 201 with no action). Answers that may pass
// (a 500, a timeout) are asked again, until an endpoint has given STRIKES of them in a row.
const ABSENT_ENDPOINTS_FILE = 'absent-endpoints.json';
const ABSENT_STATUSES: readonly number[] = [404, 405, 501];
// A refusal of the suite's request (an emulator written to another state of the control protocol,
// refusing a member the suite sends): remembered for requests of the same kind only, the caller's
// `variant` (a seed's type and status, an app's roles), as another kind may be taken. Without a variant
// (a clock advance, whose seconds vary) it is asked again.
const REFUSED_STATUSES: readonly number[] = [400, 422];
// A failure that may pass (a 5xx, no answer in time, a connection lost) is asked again, until one
// endpoint has failed this many times in a row, in any worker: an endpoint answering 500 every time
// failed 52 tests one by one, and one that never answers would cost each its whole timeout.
const STRIKES = 3;
// The key of an origin that refused the connection, beside the "METHOD /path" keys: per origin, as a
// target's worker slots each have an emulator of their own, and one stopped says nothing of the others.
function nothingListens(url: string): string {
  return `* ${URL.canParse(url) ? new URL(url).origin : url}`;
}

interface Absence {
  status?: number;
  detail: string;
  // Failures in a row so far, under the endpoint's strike key.
  strikes?: number;
}

export function forgetAbsentEndpoints(resultsDir: string): void {
  RunMemory.forget(join(resultsDir, ABSENT_ENDPOINTS_FILE));
}

export class AbsentEndpoints {
  private readonly memory: RunMemory<Absence>;

  // `skip`: how a test that meets a known absence ends; Playwright's skip of the running test, which
  // keeps its worker (the records still judge it errored). Not on a retry, where the test told first
  // would read as flaky.
  constructor(
    resultsDir: string,
    runId: string,
    target: string,
    readonly skip: (error: ControlProtocolError) => void = skipRunningTest,
  ) {
    this.memory = new RunMemory(join(resultsDir, ABSENT_ENDPOINTS_FILE), runId, target);
  }

  // The error an earlier test met at this endpoint, made again for `url`; undefined if none is known.
  known(method: string, path: string, url: string, variant?: string): ControlProtocolError | undefined {
    const absence =
      this.memory.get(`${method} ${path}`) ??
      (variant === undefined ? undefined : this.memory.get(`${method} ${path} ${variant}`)) ??
      this.memory.get(nothingListens(url));
    return absence && new ControlProtocolError(url, absence.status, absence.detail, { remembered: true });
  }

  learn(method: string, path: string, error: ControlProtocolError, variant?: string): void {
    if (error.lasting || (error.status !== undefined && ABSENT_STATUSES.includes(error.status)))
      this.memory.remember(`${method} ${path}`, { status: error.status, detail: error.detail });
    else if (variant !== undefined && error.status !== undefined && REFUSED_STATUSES.includes(error.status))
      this.memory.remember(`${method} ${path} ${variant}`, { status: error.status, detail: error.detail });
    else if (error.status === undefined && isRefused(error.cause))
      this.memory.remember(nothingListens(error.url), { detail: error.detail });
    else if (error.status === undefined || error.status >= 500) this.strike(`${method} ${path}`, error);
  }

  // The endpoint answered as the protocol says: its failures so far were not in a row.
  answered(method: string, path: string): void {
    const key = `${method} ${path} #strikes`;
    if (this.memory.get(key)?.strikes) this.memory.remember(key, { detail: '', strikes: 0 });
  }

  private strike(key: string, error: ControlProtocolError): void {
    const strikes = (this.memory.get(`${key} #strikes`)?.strikes ?? 0) + 1;
    this.memory.remember(`${key} #strikes`, { detail: '', strikes });
    if (strikes >= STRIKES)
      this.memory.remember(key, {
        status: error.status,
        detail: `${error.detail} (${strikes} times in a row)`,
      });
  }
}

function skipRunningTest(error: ControlProtocolError): void {
  const info = currentTestInfo();
  if (info?.retry === 0) info.skip(true, error.message);
}

// The loss's cause (WireLoss, then Node's error) says connection refused: nothing listens there.
function isRefused(loss: unknown): boolean {
  return (loss as { cause?: { code?: unknown } } | undefined)?.cause?.code === 'ECONNREFUSED';
}
