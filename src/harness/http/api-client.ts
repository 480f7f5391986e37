import { inRateTest } from '../evidence/rate-test.ts';
import type { Exchange } from './exchange.ts';
import type { RequestOptions } from './request-options.ts';
import { type ServerFailurePolicy, sentWithCallerToken } from './server-failure-policy.ts';
import { type ExchangeSettings, sendExchange } from './single-exchange.ts';
import type { ThrottledReadPolicy } from './throttled-read-policy.ts';
import { isLean } from './transport.ts';

// What each exchange takes (single-exchange.ts), and whether a 5xx, or a read's 429, is asked again.
export interface ApiClientOptions extends ExchangeSettings {
  serverFailures?: ServerFailurePolicy;
  throttledReads?: ThrottledReadPolicy;
}

const DEFAULT_COMMENT = 'mde-conformance: cancel';

// One client per identity. Every answer is checked against the contract (see exchange-checks.ts)
// and recorded on the running test (single-exchange.ts); nothing here fails a test: tests assert on
// the returned Exchange.
export class ApiClient {
  private readonly lean: boolean;

  constructor(private readonly options: ApiClientOptions) {
    this.lean = isLean(options.baseUrl);
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  // POST /api/machineactions/{id}/cancel. body null sends no body at all.
  cancel(
    id: string,
    body: unknown = { Comment: DEFAULT_COMMENT },
    opts: RequestOptions = {},
  ): Promise<Exchange> {
    return this.send(
      'CancelMachineAction',
      'POST',
      `/machineactions/${encodeURIComponent(id)}/cancel`,
      body,
      opts,
      id,
    );
  }

  get(id: string, opts: RequestOptions = {}): Promise<Exchange> {
    return this.send('GetMachineAction', 'GET', `/machineactions/${encodeURIComponent(id)}`, null, opts, id);
  }

  list(query: Record<string, string | number | boolean> = {}, opts: RequestOptions = {}): Promise<Exchange> {
    const qs = Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(String(v))}`)
      .join('&');
    return this.send('ListMachineActions', 'GET', `/machineactions${qs ? `?${qs}` : ''}`, null, opts);
  }

  // The next page of a list, at the `@odata.nextLink` a list answered (next-page.ts checks its origin).
  listNext(nextLink: string, opts: RequestOptions = {}): Promise<Exchange> {
    return this.send('ListMachineActions', 'GET', '/machineactions', null, opts, undefined, nextLink);
  }

  runAntiVirusScan(machineId: string, body: unknown, opts: RequestOptions = {}): Promise<Exchange> {
    return this.send(
      'RunAntiVirusScan',
      'POST',
      `/machines/${encodeURIComponent(machineId)}/runAntiVirusScan`,
      body,
      opts,
      machineId,
    );
  }

  // One exchange; with a throttled-read policy a read's 429 outside the rate tests is asked again once,
  // and with a server failure policy a 5xx. Each passes the guard (the quota ledger counts every call)
  // and is recorded; the last answer is the one the test judges.
  private async send(
    operationId: string,
    method: string,
    apiPath: string,
    body: unknown,
    opts: RequestOptions,
    id?: string,
    at?: string,
  ): Promise<Exchange> {
    const ask = (judged: boolean) =>
      sendExchange(this.options, this.lean, { operationId, method, apiPath, body, opts, judged, id, at });
    let first = await ask(!this.options.guard?.serverFailuresPass);
    const reads = this.options.throttledReads;
    if (first.status === 429 && method === 'GET' && reads && !inRateTest() && (await reads.askAgain(first)))
      first = await ask(!this.options.guard?.serverFailuresPass);
    const policy = this.options.serverFailures;
    if (!policy || first.status < 500) return first;
    const callerToken = await sentWithCallerToken(opts.authorization, this.options.caller);
    const call = { operationId, method, ...(id !== undefined ? { id } : {}), callerToken };
    await policy.beforeAskingAgain(call, first);
    const second = await ask(true);
    if (second.status >= 500) policy.afterAskingAgain?.(call, second);
    return second;
  }
}
