import type { OpenAPIV3_1 } from 'openapi-types';
import { openapiPath } from './contract-files.ts';
import { readYamlSnapshot } from './yaml-snapshot.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RateLimit {
  perMinute: number;
  perHour: number;
}

export interface ResponseSpec {
  // Key as written in the document: '200', '404', '4XX', 'default'.
  key: string;
  // Schema reference relative to schemas/ ('machine-action.schema.json'), absent when no JSON body.
  schemaRef?: string;
  // Header names the document requires on this response, lower-case.
  requiredHeaders: string[];
}

export interface Operation {
  operationId: string;
  method: HttpMethod;
  // Path template as written, e.g. '/api/machineactions/{id}/cancel'.
  path: string;
  // Any one of these roles is enough; empty when the operation needs no token.
  roles: string[];
  rateLimit?: RateLimit;
  // MachineAction type the operation creates (create-action operations only).
  actionType?: string;
  docUrl?: string;
  requestSchemaRef?: string;
  responses: ResponseSpec[];
}

type Doc = OpenAPIV3_1.Document;
type ResponseObject = OpenAPIV3_1.ResponseObject;

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function readOpenApiDocument(): Doc {
  return readYamlSnapshot(openapiPath) as Doc;
}

export function extractOperations(doc: Doc): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!item) continue;
    for (const method of METHODS) {
      const op = item[method.toLowerCase() as Lowercase<HttpMethod>] as
        | OpenAPIV3_1.OperationObject
        | undefined;
      if (!op?.operationId) continue;
      const ext = op as Record<string, unknown>;
      operations.push({
        operationId: op.operationId,
        method,
        path,
        roles: rolesOf(op.security ?? doc.security ?? []),
        rateLimit: ext['x-rate-limit'] as RateLimit | undefined,
        actionType: ext['x-action-type'] as string | undefined,
        docUrl: op.externalDocs?.url,
        requestSchemaRef: requestSchemaOf(op),
        responses: Object.entries(op.responses ?? {}).map(([key, value]) =>
          responseSpec(doc, key, value as ResponseObject | OpenAPIV3_1.ReferenceObject),
        ),
      });
    }
  }
  return operations;
}

function rolesOf(security: OpenAPIV3_1.SecurityRequirementObject[]): string[] {
  return [...new Set(security.flatMap((requirement) => Object.values(requirement).flat()))];
}

function requestSchemaOf(op: OpenAPIV3_1.OperationObject): string | undefined {
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  return schemaRefOf(body?.content?.['application/json']?.schema);
}

function responseSpec(
  doc: Doc,
  key: string,
  value: ResponseObject | OpenAPIV3_1.ReferenceObject,
): ResponseSpec {
  const response = resolveLocal<ResponseObject>(doc, value);
  const requiredHeaders = Object.entries(response.headers ?? {})
    .filter(([, header]) => resolveLocal<OpenAPIV3_1.HeaderObject>(doc, header).required)
    .map(([name]) => name.toLowerCase());
  return { key, schemaRef: schemaRefOf(response.content?.['application/json']?.schema), requiredHeaders };
}

function schemaRefOf(schema: unknown): string | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref?.replace(/^\.\.\/schemas\//, '');
}

function resolveLocal<T>(doc: Doc, value: T | OpenAPIV3_1.ReferenceObject): T {
  const ref = (value as OpenAPIV3_1.ReferenceObject).$ref;
  if (!ref) return value as T;
  if (!ref.startsWith('#/')) throw new Error(`Only local references can be resolved here (got "${ref}").`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part];
  if (node === undefined) throw new Error(`Reference "${ref}" points at nothing in the OpenAPI document.`);
  return resolveLocal<T>(doc, node as T);
}
