import { readSchemaFile } from './contract-files.ts';

// What the JSON Schemas in schemas/ name: a member of an answer outside these is an extra member
// (docs/contract.md#extra-members). Read from the schemas, so a member they learn stops being extra.
interface ObjectSchema {
  properties?: Record<string, { format?: string; properties?: Record<string, unknown> }>;
}

const entity = readSchemaFile('machine-action.schema.json') as ObjectSchema;
const envelope = readSchemaFile('error-envelope.schema.json') as ObjectSchema;

// Members of a MachineAction the schema names (with @odata.context).
export const ENTITY_MEMBERS: ReadonlySet<string> = new Set(Object.keys(entity.properties ?? {}));

// Members of the envelope's error object the schema names (code, message, target).
export const ERROR_MEMBERS: ReadonlySet<string> = new Set(
  Object.keys(envelope.properties?.['error']?.properties ?? {}),
);

// The MachineAction members the schema types as date-time: the entity's timestamps.
export const TIMESTAMP_MEMBERS: readonly string[] = Object.entries(entity.properties ?? {})
  .filter(([, schema]) => schema.format === 'date-time')
  .map(([name]) => name);
