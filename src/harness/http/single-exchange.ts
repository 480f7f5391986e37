import { getContract } from '../../contract/index.ts';
import { TransportError } from '../errors.ts';
import { noVerdict } from '../evidence/no-verdict.ts';
import { inRateTest } from '../evidence/rate-test.ts';
import { observeExchange } from '../observation/passive-readings.ts';
import { type Clock, WALL_CLOCK } from '../wall-clock.ts';
import type { CallGuard } from './call-guard.ts';
import { type Exchange, parseJson } from './exchange.ts';
import { checkExchange } from './exchange-checks.ts';
import { describeLoss } from './loss-reason.ts';
import type { RawResponse } from './raw-request.ts';
import { recordExchange } from './recorder.ts';
import type { RequestOptions } from './request-options.ts';
import { type HttpSettings, transmit } from './transport.ts';

// One exchange of the API client on the wire: the request it sends, an answer lost (a reset, a
// gateway's page) as no verdict, and the answer checked against the contract, recorded and observed.
// The client (api-client.ts) decides which operation to call and whether to ask again after a 5xx.

// Who is calling: a label for reports and ledgers (never a client id) and how to get its header.
export interface Caller {
  // 'operator', 'read-only', 'role:Machine.Isolate', ...
  label: string;
  // The Authorization header value ("Bearer ...").
  authorization(): Promise<string>;
}

// What an exchange takes of its client's options.
export interface ExchangeSettings {
  http: HttpSettings;
  baseUrl: string;
  caller: Caller;
  guard?: CallGuard;
  // When an answer arrived (Exchange.receivedAt); the wall clock unless a test pins it.
  clock?: Clock;
  // Whether a gateway may stand in front of the API, whose 502/503/504 pages are then lost exchanges;
  // by default only off loopback: an emulator's 5xx is its own answer, to judge.
  behindGateway?: boolean;
}

export interface ExchangeCall {
  operationId: string;
  method: string;
  apiPath: string;
  body: unknown;
  opts: RequestOptions;
  // false: a 5xx is a passing failure (CallGuard.serverFailuresPass), recorded but neither checked nor read.
  judged: boolean;
  id?: string;
  // The whole URL to call instead of the base URL, prefix and path (a list's next page).
  at?: string;
}

const GATEWAY_STATUSES = [502, 503, 504];

// `lean`: the base URL is one transport.ts sends to with its lean HTTP (isLean).
export async function sendExchange(
  settings: ExchangeSettings,
  lean: boolean,
  { operationId, method, apiPath, body, opts, judged, id, at }: ExchangeCall,
): Promise<Exchange> {
  const { baseUrl, caller, guard } = settings;
  const contract = getContract();
  // Signed in before the guard reserves the call: a sign-in that fails leaves no call on its way.
  const authorization = opts.authorization === undefined ? await caller.authorization() : opts.authorization;
  const settled = await guard?.beforeCall({
    caller: caller.label,
    operationId,
    method,
    ...(id !== undefined ? { id } : {}),
    ...(carriesNoToken(authorization) ? { anonymous: true } : {}),
  });
  const prefix = opts.versioned ? contract.versionedPrefix : '/api';
  const pathTemplate = contract.operation(operationId).path.replace(/^\/api/, prefix);
  const headers: Record<string, string> = {};
  if (opts.accept !== null) headers.accept = opts.accept ?? 'application/json';
  if (authorization !== null) headers.authorization = authorization;
  const text = opts.raw ?? (body === null || body === undefined ? undefined : JSON.stringify(body));
  const contentType = opts.contentType === undefined ? 'application/json' : opts.contentType;
  if (text !== undefined && contentType !== null) headers['content-type'] = contentType;

  const url = at ?? `${baseUrl}${prefix}${apiPath}`;
  const started = performance.now();
  let answer: RawResponse;
  try {
    answer = await transmit(settings.http, lean, {
      url,
      method,
      headers,
      ...(text !== undefined ? { text } : {}),
      contentType,
      ...(opts.accept === null ? { withoutAccept: true } : {}),
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
  const behindGateway = settings.behindGateway ?? !lean;
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
    receivedAt: (settings.clock ?? WALL_CLOCK).now(),
  };
  const passing = !judged && exchange.status >= 500;
  await recordExchange(
    exchange,
    passing ? [] : checkExchange(exchange, { throttleJudged: exchange.status === 429 && inRateTest() }),
    opts.record ?? settings.http.exchanges ?? 'full',
  );
  // The open points every answer shows, for the observed profile (docs/calibration.md).
  if (!passing) observeExchange(exchange);
  const ownToken = opts.authorization === undefined;
  guard?.afterCall?.(exchange, { caller: caller.label, ownToken, versioned: !!opts.versioned });
  return exchange;
}

// No header, or one with a scheme and nothing after it (AUTH.INVALID's bare `Bearer`): no token names an
// app, so no tenant can count the call against one, as for a call without Authorization.
function carriesNoToken(authorization: string | null): boolean {
  return authorization === null || /^\s*(?:bearer)?\s*$/i.test(authorization);
}
