import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { openapiPath, readSchemaFile, schemaFiles } from '../../src/contract/contract-files.ts';
import { getContract } from '../../src/contract/index.ts';
import { hasSchema } from '../../src/contract/schema-registry.ts';
import { expect, test } from '../helpers/api-test.ts';

const contract = getContract();

test('the OpenAPI document is valid against the OpenAPI 3.1 meta-schema', async () => {
  const validator = new Validator();
  // The document refers to schemas/ by relative path; hand the validator each file under that name.
  // Schemas refer to each other by bare file name, so they are registered under that name too.
  for (const file of schemaFiles()) {
    await validator.addSpecRef(readSchemaFile(file), `../schemas/${file}`);
    await validator.addSpecRef(readSchemaFile(file), file);
  }
  const result = await validator.validate(parse(readFileSync(openapiPath, 'utf8')));
  expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
  expect(result.valid).toBe(true);
  expect(validator.version).toBe('3.1');
});

test('every schema reference of the OpenAPI document resolves to a compiled schema', () => {
  const refs = contract.operations.flatMap((op) => [
    ...(op.requestSchemaRef ? [op.requestSchemaRef] : []),
    ...op.responses.flatMap((r) => (r.schemaRef ? [r.schemaRef] : [])),
  ]);
  expect(refs.length).toBeGreaterThan(20);
  for (const ref of refs) expect(hasSchema(ref), ref).toBe(true);
});

// A 5xx answers the same envelope, but the error table lists InternalServerError with no message
// (docs/contract.md#server-error-message): its schema is the envelope's entry that leaves message out.
test('every 4xx and 5xx of every API operation answers with the error envelope, a 5xx maybe without message', () => {
  const serverError = 'error-envelope.schema.json#/$defs/serverError';
  for (const op of contract.operations.filter((o) => o.path.startsWith('/api/'))) {
    const errors = op.responses.filter((r) => /^[45]/.test(r.key));
    expect(
      errors.map((r) => r.key),
      op.operationId,
    ).toEqual(expect.arrayContaining(['4XX', '5XX', '401', '403', '429']));
    for (const r of errors)
      expect(r.schemaRef, `${op.operationId} ${r.key}`).toBe(
        r.key.startsWith('5') ? serverError : 'error-envelope.schema.json',
      );
  }
  const bare = { error: { code: 'InternalServerError' } };
  expect(contract.validateResponse('CancelMachineAction', 500, bare).valid).toBe(true);
  expect(contract.validateResponse('CancelMachineAction', 400, { error: { code: 'BadRequest' } }).valid).toBe(
    false,
  );
  // The two name the same members: a member the envelope learns is not extra on a 5xx.
  type ErrorObject = { error: { properties: Record<string, unknown> } };
  const envelope = readSchemaFile('error-envelope.schema.json') as {
    properties: ErrorObject;
    $defs: { serverError: { properties: ErrorObject } };
  };
  expect(Object.keys(envelope.$defs.serverError.properties.error.properties)).toEqual(
    Object.keys(envelope.properties.error.properties),
  );
});

test('every 429 response requires Retry-After', () => {
  for (const op of contract.operations.filter((o) => o.path.startsWith('/api/'))) {
    const throttled = op.responses.find((r) => r.key === '429');
    expect(throttled?.requiredHeaders, op.operationId).toContain('retry-after');
  }
});

test('cancel is limited to 100 calls a minute and 1500 an hour, and every API operation declares its limit', () => {
  expect(contract.rateLimit('CancelMachineAction')).toEqual({ perMinute: 100, perHour: 1500 });
  for (const op of contract.operations.filter((o) => o.path.startsWith('/api/'))) {
    expect(op.rateLimit, op.operationId).toEqual({
      perMinute: expect.any(Number),
      perHour: expect.any(Number),
    });
  }
});

test('cancel accepts exactly the seven action roles, and reading needs Machine.Read.All or ReadWrite.All', () => {
  expect(contract.operation('CancelMachineAction').roles.sort()).toEqual(
    [
      'Machine.CollectForensics',
      'Machine.Isolate',
      'Machine.LiveResponse',
      'Machine.Offboard',
      'Machine.RestrictExecution',
      'Machine.Scan',
      'Machine.StopAndQuarantine',
    ].sort(),
  );
  expect(contract.operation('GetMachineAction').roles.sort()).toEqual([
    'Machine.Read.All',
    'Machine.ReadWrite.All',
  ]);
});

test('a concrete request path finds its operation, with or without the versioned prefix', () => {
  expect(contract.findOperation('POST', '/api/machineactions/abc/cancel')?.operation.operationId).toBe(
    'CancelMachineAction',
  );
  expect(contract.findOperation('POST', '/api/v1.0/machineactions/abc/cancel')?.params).toEqual({
    id: 'abc',
  });
  expect(contract.findOperation('GET', '/api/machineactions?$top=2')?.operation.operationId).toBe(
    'ListMachineActions',
  );
  expect(contract.findOperation('DELETE', '/api/machineactions/abc')).toBeUndefined();
});

test('a response with an undocumented status is reported, not silently accepted', () => {
  const check = contract.validateResponse('CancelMachineAction', 302, {});
  expect(check.valid).toBe(false);
  expect(check.violations[0]?.got).toBe('302');
});

test('validation errors name the path, the expectation and the value', () => {
  const check = contract.validateResponse('GetMachineAction', 200, {
    id: 'x',
    type: 'Isolate',
    status: 'Canceled',
    creationDateTimeUtc: '2026-11-26T10:00:00Z',
  });
  expect(check.violations).toEqual([
    expect.objectContaining({
      path: '/status',
      keyword: 'enum',
      got: '"Canceled"',
      expected: expect.stringContaining('Cancelled'),
    }),
  ]);
});
