import type { OpenAPIV3_1 } from 'openapi-types';
import { regexpEscape } from '../common/regexp-escape.ts';
import {
  extractOperations,
  type HttpMethod,
  type Operation,
  type RateLimit,
  type ResponseSpec,
  readOpenApiDocument,
} from './openapi-document.ts';
import { type ContractViolation, type ValidationResult, validateAgainst } from './schema-registry.ts';

export interface ResponseCheck extends ValidationResult {
  // Which documented response was used ('404', '4XX'); undefined when the status is not documented.
  matched?: string;
  schemaRef?: string;
}

export interface Contract {
  readonly document: OpenAPIV3_1.Document;
  readonly operations: readonly Operation[];
  readonly versionedPrefix: string;
  operation(operationId: string): Operation;
  rateLimit(operationId: string): RateLimit;
  // Finds the operation a concrete request path belongs to (with or without the versioned prefix).
  findOperation(
    method: string,
    urlPath: string,
  ): { operation: Operation; params: Record<string, string> } | undefined;
  validateResponse(operationId: string, status: number, body: unknown): ResponseCheck;
  validateRequest(operationId: string, body: unknown): ValidationResult;
  validateSchema(schemaRef: string, data: unknown): ValidationResult;
}

let loaded: Contract | undefined;

// Loads, indexes and compiles the contract once per process.
export function getContract(): Contract {
  loaded ??= buildContract(readOpenApiDocument());
  return loaded;
}

function buildContract(document: OpenAPIV3_1.Document): Contract {
  const operations = extractOperations(document);
  const byId = new Map(operations.map((op) => [op.operationId, op]));
  const versionedPrefix = String((document as Record<string, unknown>)['x-versioned-prefix'] ?? '/api/v1.0');
  const matchers = operations.map((op) => ({ op, ...pathMatcher(op.path) }));

  const operation = (operationId: string): Operation => {
    const op = byId.get(operationId);
    if (!op) throw new Error(`Operation "${operationId}" is not in specs/machine-actions.openapi.yaml.`);
    return op;
  };

  return {
    document,
    operations,
    versionedPrefix,
    operation,
    rateLimit(operationId) {
      const limit = operation(operationId).rateLimit;
      if (!limit) throw new Error(`Operation "${operationId}" declares no x-rate-limit in the contract.`);
      return limit;
    },
    findOperation(method, urlPath) {
      const path = urlPath.split('?')[0]!.replace(versionedPrefix + '/', '/api/');
      for (const { op, regex, names } of matchers) {
        if (op.method !== (method.toUpperCase() as HttpMethod)) continue;
        const match = regex.exec(path);
        if (!match) continue;
        const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        return { operation: op, params };
      }
      return undefined;
    },
    validateResponse(operationId, status, body) {
      const spec = responseFor(operation(operationId), status);
      if (!spec) {
        return {
          valid: false,
          violations: [
            {
              path: '/',
              keyword: 'status',
              expected: `a documented status of ${operationId}`,
              got: String(status),
            },
          ],
        };
      }
      if (!spec.schemaRef) return { valid: true, violations: [], matched: spec.key };
      return { ...validateAgainst(spec.schemaRef, body), matched: spec.key, schemaRef: spec.schemaRef };
    },
    validateRequest(operationId, body) {
      const ref = operation(operationId).requestSchemaRef;
      if (!ref) return { valid: true, violations: [] };
      return validateAgainst(ref, body);
    },
    validateSchema: validateAgainst,
  };
}

export function responseFor(op: Operation, status: number): ResponseSpec | undefined {
  const exact = op.responses.find((r) => r.key === String(status));
  const range = op.responses.find((r) => r.key.toUpperCase() === `${String(status)[0]}XX`);
  return exact ?? range ?? op.responses.find((r) => r.key === 'default');
}

function pathMatcher(template: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      if (part.startsWith('{')) {
        names.push(part.slice(1, -1));
        return '([^/]+)';
      }
      return regexpEscape(part);
    })
    .join('');
  // Routing on the service is case-insensitive in practice (doc pages mix /API/ and /api/).
  return { regex: new RegExp(`^${source}/?$`, 'i'), names };
}

export type { ContractViolation, HttpMethod, Operation, RateLimit };
