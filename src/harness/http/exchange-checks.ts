import { isJsonNestedTooDeep, MAX_JSON_DEPTH } from '../../common/json-depth.ts';
import { getContract, getRegistry, type RequirementId, responseFor } from '../../contract/index.ts';
import type { Finding } from '../evidence/finding.ts';
import { type Exchange, exchangeTitle, isJsonContentType, retryAfterOf } from './exchange.ts';
import { sentForeignAudience } from './foreign-audience.ts';
import { headerShown } from './header-shown.ts';

type Violation = Extract<Finding, { kind: 'violation' }>;

// The requirements checked on every exchange, whoever made it.
const id = (name: string): RequirementId => getRegistry().get(name).id;
const ENTITY = id('SCHEMA.ENTITY');
const ERROR = id('SCHEMA.ERROR');
const CONTENT_TYPE = id('SCHEMA.CONTENTTYPE');
const RETRY_AFTER = id('RATE.RETRYAFTER');
const VERSIONED = id('PATH.VERSIONED');

// The checks made on every exchange with the API. They never fail the calling test: they become
// violation findings, and the reporter gives each to the requirement it names. A 429's Retry-After is
// judged only where the 429 is known to be a documented limit's (`throttleJudged`: in the rate tests,
// src/harness/evidence/rate-test.ts); another 429 ends its test without a verdict (matchers.ts).
export function checkExchange(exchange: Exchange, { throttleJudged = true } = {}): Violation[] {
  if (!exchange.operationId) return [];
  const prefix = exchangeTitle(exchange);
  const contract = getContract();
  const schemaRequirement =
    exchange.status < 400
      ? ENTITY
      : unroutedVersioned(exchange, contract.versionedPrefix)
        ? VERSIONED
        : ERROR;
  const violations: Violation[] = [];
  const violation = (requirement: RequirementId, text: string) =>
    violations.push({ kind: 'violation', id: requirement, text: `${prefix}: ${text}` });
  const spec = responseFor(contract.operation(exchange.operationId), exchange.status);
  const hasText = exchange.text.trim().length > 0;
  if (errorBodyOpen(exchange)) return [];

  if (spec?.schemaRef && hasText && exchange.body === undefined) {
    violation(
      schemaRequirement,
      isJsonNestedTooDeep(exchange.text)
        ? `body is JSON nested deeper than ${MAX_JSON_DEPTH} levels, which no answer of the API is`
        : 'body is not JSON',
    );
  } else if (exchange.status >= 400 && !hasText) {
    // An error without a body has nothing to validate (a front door's bare 401); the requirements
    // that need the envelope on a refusal (AUTH.MISSING, CANCEL.NOTFOUND, ...) assert it themselves.
  } else if (exchange.status >= 200) {
    const check = contract.validateResponse(exchange.operationId, exchange.status, exchange.body);
    for (const v of check.violations.slice(0, 5))
      violation(schemaRequirement, `${v.path} expected ${v.expected}, got ${v.got}`);
  }
  if (hasText && exchange.body !== undefined && !isJsonContentType(exchange.headers['content-type']))
    violation(
      CONTENT_TYPE,
      `Content-Type expected application/json, got ${headerShown('Content-Type', exchange.headers['content-type'])}`,
    );
  if (exchange.status === 429 && throttleJudged) {
    const seconds = retryAfterOf(exchange);
    if (seconds === undefined || seconds <= 0)
      violation(
        RETRY_AFTER,
        `Retry-After expected delta-seconds or HTTP-date above 0, got ${headerShown('Retry-After', exchange.headers['retry-after'])}`,
      );
  }
  return violations;
}

// Whether the contract leaves this answer's body open, so that nothing may judge it (SCHEMA.ERROR's own
// test included). The body of a 401 to a bad token (rather than a missing one) is open
// (docs/contract.md#unauthorized-body): a stock `{"Message": ...}` or a plain-text answer is lawful there.
// So is the body of the 403 to a token issued for another resource (docs/contract.md#audience): the
// status is documented, the body nowhere, and AUTH.AUDIENCE judges the status alone.
export function errorBodyOpen(exchange: Pick<Exchange, 'status' | 'requestHeaders'>): boolean {
  if (exchange.status === 401) return exchange.requestHeaders.authorization !== undefined;
  return exchange.status === 403 && sentForeignAudience(exchange.requestHeaders);
}

// A 404 under /api/v1.0 may come from a server that does not serve the prefix at all, in whatever body
// its framework gives an unrouted path (an HTML page, ASP.NET Web API's stock {"Message": ...}): no
// answer of the API's, so whether it is the error envelope is not SCHEMA.ERROR's (a MUST) but part of
// whether the prefix is served, PATH.VERSIONED's (a SHOULD; docs/contract.md#versioning). A versioned
// route that is served answers like /api, and the tests comparing the two judge it there as well.
function unroutedVersioned(exchange: Exchange, versionedPrefix: string): boolean {
  return exchange.status === 404 && exchange.pathTemplate.startsWith(`${versionedPrefix}/`);
}
