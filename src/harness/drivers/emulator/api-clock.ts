import { ControlProtocolError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import type { Exchange } from '../../http/exchange.ts';
import { parseHttpDate } from '../../http/http-date.ts';

// The control clock's `now`, and when (wall-clock ms) the control protocol gave it.
export interface ClockReading {
  now: Date;
  at: number;
}

// The Date header's whole seconds, and the control clock's milliseconds.
const SLACK_MS = 2_000;

// How far (ms) an API answer's Date header lags the control clock, for a call sent after the control
// protocol gave `reading`; undefined when it does not lag past the header's rounding, or cannot tell.
// (Ahead is no sign: another worker may have moved the clock since.) The emulator's one virtual clock
// stamps both (docs/interfaces.md#virtual-clock): a lag means its API runs on a clock
// /_emulator/clock/advance does not move, its tokens and rate windows too.
function apiClockLag(
  exchange: Pick<Exchange, 'method' | 'headers' | 'receivedAt' | 'durationMs'>,
  reading: ClockReading | undefined,
): number | undefined {
  const date = exchange.headers.date?.trim();
  if (!date || !reading || exchange.receivedAt - exchange.durationMs < reading.at) return undefined;
  const stamped = parseHttpDate(date, reading.now.getTime());
  if (stamped === undefined) return undefined;
  const lag = reading.now.getTime() - stamped - storedMs(exchange);
  return lag > SLACK_MS ? lag : undefined;
}

// A cache before the API serves a stored answer with the Date the API gave it and an Age, the seconds
// it has been stored (RFC 9111 §5.1): that Date lags by its Age, not by another clock. A cache on the
// emulator's clock counts the advance in its Age; one on real time does not, and still lags. Only a
// read is stored: a cancel's Age explains nothing. A repeated Age (`20, 20`) counts as its first.
function storedMs(exchange: Pick<Exchange, 'method' | 'headers'>): number {
  if (exchange.method !== 'GET' && exchange.method !== 'HEAD') return 0;
  const first = exchange.headers.age?.split(',')[0]?.trim();
  return first !== undefined && /^\d+$/.test(first) ? Number(first) * 1000 : 0;
}

// One test's API answers against the control clock. A lag is recorded once, not thrown: a test that
// passes was judged all the same, and one that fails (an expired token still taken, a rate window that
// never reopens) was judged on a clock the control protocol did not move, so it reaches no verdict
// rather than failing the API.
export class ApiClockWatch {
  private lagged = false;

  constructor(
    private readonly control: { readonly baseUrl: string; readonly lastReading: ClockReading | undefined },
  ) {}

  check(exchange: Exchange): void {
    if (this.lagged) return;
    const reading = this.control.lastReading;
    const lag = apiClockLag(exchange, reading);
    if (lag === undefined || !reading) return;
    this.lagged = true;
    noVerdict(
      new ControlProtocolError(
        `${this.control.baseUrl}/_emulator/clock/advance`,
        200,
        `the API's Date header is ${Math.round(lag / 1000)} s behind the clock (${exchange.headers.date}; the clock read ${reading.now.toISOString()}). Run the API (Date, tokens, rate windows) on that clock: docs/interfaces.md#virtual-clock.`,
      ),
    );
  }
}
