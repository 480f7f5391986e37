import { getContract } from '../../contract/index.ts';
import { TransportError } from '../errors.ts';
import { noVerdict } from '../evidence/no-verdict.ts';
import { observeExchange } from '../observation/passive-readings.ts';
import { type Clock, WALL_CLOCK } from '../wall-clock.ts';
import type { CallGuard } from './call-guard.ts';
import { type Exchange, parseJson } from './exchange.ts';
import { checkExchange } from './exchange-checks.ts';
import { describeLoss } from './loss-reason.ts';
import type { RawResponse } from './raw-request.ts';
import { recordExchange } from './recorder.ts';
import type { RequestOptions } from './request-options.ts';
import { type ServerFailurePolicy, sentWithCallerToken } from './server-failure-policy.ts';
import { type HttpSettings, isLean, transmit } from './transport.ts';

// Who is calling: a label for reports and ledgers (never a client id) and how to get its header.
export interface Caller {
  // 'operator', 'read-only', 'role:Machine.Isolate', ...
  label: string;
  // The Authorization header value ("Bearer ...").
  authorization(): Promise<string>;
}

export interface ApiClientOptions {
  http: HttpSettings;
  baseUrl: string;
  caller: Caller;
  guard?: CallGuard;
  // When an answer arrived (Exchange.receivedAt); the wall clock unless a test pins it.
  clock?: Clock;
  // Whether a gateway may stand in front of the API, whose 502/503/504 pages are then lost exchanges;
  // by default only off loopback: an emulator's 5xx is its own answer, to judge.
  behindGateway?: boolean;
  serverFailures?: ServerFailurePolicy;
}

export const DEFAULT_COMMENT = 'mde-conformance: cancel';
const GATEWAY_STATUSES = [502, 503, 504];

// One client per identity. Every answer is checked against the contract (see exchange-checks.ts)
// and recorded on the running test; nothing here fails a test: tests assert on the returned Exchange.
export class ApiClient {
  private readonly lean: boolean;

  constructor(private readonly options: ApiClientOptions) {
    this.lean = isLean(options.baseUrl);
  }

  get label(): string {
    return this.options.caller.label;
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

  // One exchange, and with a server failure policy a second after a 5xx; each passes the guard (the
  // quota ledger counts both) and is recorded. The second answer is the one the test judges.
  private async send(
    operationId: string,
    method: string,
    apiPath: string,
    body: unknown,
    opts: RequestOptions,
    id?: string,
    at?: string,
  ): Promise<Exchange> {
    const ask = (judged: boolean) => this.sendOnce(operationId, method, apiPath, body, opts, judged, id, at);
    const first = await ask(!this.options.guard?.serverFailuresPass);
    const policy = this.options.serverFailures;
    if (!policy || first.status < 500) return first;
    const callerToken = await sentWithCallerToken(opts.authorization, this.options.caller);
    await policy.beforeAskingAgain(
      { operationId, method, ...(id !== undefined ? { id } : {}), callerToken },
      first,
    );
    return ask(true);
  }

  private async sendOnce(
    operationId: string,
    method: string,
    apiPath: string,
    body: unknown,
    opts: RequestOptions,
    // false: a 5xx is a passing failure (CallGuard.serverFailuresPass), recorded but neither checked nor read.
    judged: boolean,
    id?: string,
    // The whole URL to call instead of the base URL, prefix and path (a list's next page).
    at?: string,
  ): Promise<Exchange> {
    const { baseUrl, caller, guard } = this.options;
    const contract = getContract();
    // Signed in before the guard reserves the call: a sign-in that fails leaves no call on its way.
    const authorization =
      opts.authorization === undefined ? await caller.authorization() : opts.authorization;
    const settled = await guard?.beforeCall({
      caller: caller.label,
      operationId,
      method,
      ...(id !== undefined ? { id } : {}),
    });
    const prefix = opts.versioned ? contract.versionedPrefix : '/api';
    const pathTemplate = contract.operation(operationId).path.replace(/^\/api/, prefix);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (authorization !== null) headers.authorization = authorization;
    const text = opts.raw ?? (body === null || body === undefined ? undefined : JSON.stringify(body));
    const contentType = opts.contentType === undefined ? 'application/json' : opts.contentType;
    if (text !== undefined && contentType !== null) headers['content-type'] = contentType;

    const url = at ?? `${baseUrl}${prefix}${apiPath}`;
    const started = performance.now();
    let answer: RawResponse;
    try {
      answer = await transmit(this.options.http, this.lean, {
        url,
        method,
        headers,
        ...(text !== undefined ? { text } : {}),
        contentType,
        quiet: opts.record === 'quiet',
      });
    } catch (error) {
      // A lost exchange says nothing about the contract: the test ends without a verdict.
      throw noVerdict(new TransportError(`${method} ${pathTemplate}`, describeLoss(error), { cause: error }));
    } finally {
      settled?.();
    }
    const parsed = parseJson(answer.text);
    // A 502, 503 or 504 without a JSON body is a gateway in front of the API speaking, not the API:
    // lost like a reset connection, so a passing outage is no verdict (and no SCHEMA.ERROR).
    const behindGateway = this.options.behindGateway ?? !this.lean;
    if (behindGateway && GATEWAY_STATUSES.includes(answer.status) && parsed === undefined)
      throw noVerdict(
        new TransportError(
          `${method} ${pathTemplate}`,
          `a gateway answered ${answer.status} without a JSON body`,
        ),
      );
    const exchange: Exchange = {
      operationId,
      method,
      url,
      pathTemplate,
      requestHeaders: headers,
      ...(text !== undefined ? { requestBody: text } : {}),
      status: answer.status,
      headers: answer.headers,
      text: answer.text,
      body: parsed,
      durationMs: Math.round(performance.now() - started),
      receivedAt: (this.options.clock ?? WALL_CLOCK).now(),
    };
    const passing = !judged && exchange.status >= 500;
    await recordExchange(
      exchange,
      passing ? [] : checkExchange(exchange),
      opts.record ?? this.options.http.exchanges ?? 'full',
    );
    // The open points every answer shows, for the observed profile (docs/calibration.md).
    if (!passing) observeExchange(exchange);
    const ownToken = opts.authorization === undefined;
    guard?.afterCall?.(exchange, { caller: caller.label, ownToken, versioned: !!opts.versioned });
    return exchange;
  }
}
