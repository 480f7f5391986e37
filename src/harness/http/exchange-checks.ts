import { getContract, responseFor } from '../../contract/index.ts';
import { type Exchange, exchangeTitle, isJsonContentType, retryAfterOf } from './exchange.ts';

export interface Violation {
  requirement: 'SCHEMA.ENTITY' | 'SCHEMA.ERROR' | 'SCHEMA.CONTENTTYPE' | 'RATE.RETRYAFTER';
  // One line: what was wrong, where.
  detail: string;
}

// The checks made on every exchange with the API. They never fail the calling test: the recorder
// turns them into violation annotations, which the reporter maps to their requirement.
export function checkExchange(exchange: Exchange): Violation[] {
  if (!exchange.operationId) return [];
  const prefix = exchangeTitle(exchange);
  const schemaRequirement = exchange.status < 400 ? 'SCHEMA.ENTITY' : 'SCHEMA.ERROR';
  const violations: Violation[] = [];
  const contract = getContract();
  const spec = responseFor(contract.operation(exchange.operationId), exchange.status);
  const hasText = exchange.text.trim().length > 0;

  if (spec?.schemaRef && hasText && exchange.body === undefined) {
    violations.push({ requirement: schemaRequirement, detail: `${prefix}: body is not JSON` });
  } else if (exchange.status >= 200) {
    const check = contract.validateResponse(exchange.operationId, exchange.status, exchange.body);
    for (const v of check.violations.slice(0, 5))
      violations.push({
        requirement: schemaRequirement,
        detail: `${prefix}: ${v.path} expected ${v.expected}, got ${v.got}`,
      });
  }
  if (hasText && exchange.body !== undefined && !isJsonContentType(exchange.headers['content-type'])) {
    violations.push({
      requirement: 'SCHEMA.CONTENTTYPE',
      detail: `${prefix}: Content-Type expected application/json, got ${JSON.stringify(exchange.headers['content-type'] ?? null)}`,
    });
  }
  if (exchange.status === 429) {
    const raw = exchange.headers['retry-after'];
    const seconds = retryAfterOf(exchange);
    if (seconds === undefined || seconds <= 0)
      violations.push({
        requirement: 'RATE.RETRYAFTER',
        detail: `${prefix}: Retry-After expected delta-seconds or HTTP-date above 0, got ${JSON.stringify(raw ?? null)}`,
      });
  }
  return violations;
}

export function formatViolation(violation: Violation): string {
  return `${violation.requirement}: ${violation.detail}`;
}
