import type { Type as TypeBox } from '@sinclair/typebox';

// The few TypeBox builders the environment schema uses, with TypeBox's own types (so Static<> still
// gives the configuration's TypeScript type) but without loading TypeBox when a run starts: importing
// it cost `npm run conformance` 0.3 s before Playwright could start. They make the same JSON Schema.
type Builders = Pick<typeof TypeBox, 'Object' | 'Optional' | 'String' | 'Number' | 'Boolean' | 'Unsafe'>;

// Marks a property optional as TypeBox does: by a symbol, which neither Ajv nor JSON ever sees.
const OPTIONAL = Symbol('optional');

type Schema = Record<string | symbol, unknown>;

export const Type = {
  String: (options: Schema = {}) => ({ ...options, type: 'string' }),
  Number: (options: Schema = {}) => ({ ...options, type: 'number' }),
  Boolean: (options: Schema = {}) => ({ ...options, type: 'boolean' }),
  Unsafe: (options: Schema = {}) => ({ ...options }),
  Optional: (schema: Schema) => ({ ...schema, [OPTIONAL]: true }),
  Object: (properties: Record<string, Schema>, options: Schema = {}) => {
    const required = Object.keys(properties).filter((name) => !properties[name]![OPTIONAL]);
    return { ...options, type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  },
} as unknown as Builders;
