import { Type } from './schema-builders.ts';

// The kinds of value an environment variable holds (env-schema.ts): each with the pattern that checks
// it and the fix a bad value is told, and the keywords (env-schema.ts lists them) that say how a bad
// value may be echoed and which Azure SDK namesake stands in for it.

export const GUID = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const ORIGIN = '^https?://[^/?#@\\s]+/?$';
// The example a wrong value is shown beside: one of its own kind (a control URL is never Microsoft's).
const originFix = (example: string) =>
  `must be an http or https origin without path, query or credentials, such as ${example}`;
export const CLIENT_ID_FIX =
  'must be an application (client) id GUID, as shown on the app registration overview page';

export function choice<T extends string>(values: readonly T[], description: string, fallback?: T) {
  return Type.Unsafe<T>({
    type: 'string',
    enum: values,
    description,
    fix: `must be one of ${values.join(', ')}`,
    ...(fallback ? { default: fallback } : {}),
  });
}
const namesake = (fallback?: string) => (fallback ? { fallback } : {});
export const origin = (description: string, example: string, fallback?: string) =>
  Type.Optional(
    Type.String({ pattern: ORIGIN, description, fix: originFix(example), url: true, ...namesake(fallback) }),
  );
export const clientId = (description: string, fallback?: string) =>
  Type.Optional(
    Type.String({ pattern: GUID, description, fix: CLIENT_ID_FIX, quiet: true, ...namesake(fallback) }),
  );
export const secret = (description: string, fallback?: string) =>
  Type.Optional(Type.String({ writeOnly: true, description, ...namesake(fallback) }));
export const file = (description: string, fallback?: string) =>
  Type.Optional(Type.String({ description, ...namesake(fallback) }));
export const flag = (description: string) =>
  Type.Boolean({ default: false, description, fix: 'must be true or false' });
