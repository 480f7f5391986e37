import { randomUUID } from 'node:crypto';
import { readSchemaFile } from '../../contract/contract-files.ts';
import type { Signatures } from './differential-probe.ts';
import { field } from './probe-answer.ts';
import type { ProbeSession } from './probe-session.ts';

type Properties = { properties: Record<string, { format?: string; properties?: Properties['properties'] }> };
const entitySchema = readSchemaFile('machine-action.schema.json') as Properties;
const errorSchema = readSchemaFile('error-envelope.schema.json') as Properties;
const TIMESTAMPS = Object.keys(entitySchema.properties).filter(
  (name) => entitySchema.properties[name]?.format === 'date-time',
);
const NAMED = {
  entity: new Set(Object.keys(entitySchema.properties)),
  error: new Set(Object.keys(errorSchema.properties['error']?.properties ?? {})),
};

// The points about the form of an answer rather than its verdict, read from an entity, a list and an
// error: timestamps, media type, members beyond the schema's, connection and framing headers.
export async function probeAnswerShapes(
  session: ProbeSession,
  entityId: string,
): Promise<Partial<Signatures>> {
  const entity = await session.get(entityId);
  const list = await session.api('GET', '/machineactions?$top=3');
  const error = await session.get(randomUUID());
  const item = ((list.body as { value?: unknown[] } | undefined)?.value?.[0] ?? {}) as object;
  const errorObject = ((error.body as { error?: unknown } | undefined)?.error ?? {}) as Record<
    string,
    unknown
  >;
  return {
    'timestamp-precision': Object.fromEntries(TIMESTAMPS.map((name) => [name, digits(field(entity, name))])),
    'json-media-type': [entity, list].map((r) => [
      r.headers['content-type'],
      r.headers['odata-version'] ?? null,
    ]),
    'error-target': typeof errorObject['target'],
    'odata-context': [entity, list].map((r) => field(r, '@odata.context') !== undefined),
    'extra-members': [
      extras(entity.body ?? {}, NAMED.entity),
      extras(item, NAMED.entity),
      extras(errorObject, NAMED.error),
    ],
    connection: entity.headers['connection'] ?? null,
    framing: [entity, error].map((r) => [
      r.headers['transfer-encoding'] ?? null,
      'content-length' in r.headers,
    ]),
  };
}

function extras(members: object, named: ReadonlySet<string>): string[] {
  return Object.keys(members)
    .filter((name) => !named.has(name))
    .sort();
}

function digits(value: unknown): number | null {
  const match = typeof value === 'string' ? /T\d\d:\d\d:\d\d(?:\.(\d+))?/.exec(value) : null;
  return match ? (match[1]?.length ?? 0) : null;
}
