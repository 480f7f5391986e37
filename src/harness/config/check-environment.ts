import type { ValidateFunction } from 'ajv/dist/2020.js';
import { precompiledValidators } from '../../contract/index.ts';
import { registerSecret } from '../redaction/redact.ts';
import type { ConfigProblems } from './config-problems.ts';
import { ENV_KEYWORDS, ENV_SCHEMA, type EnvValues, schemaOf } from './env-schema.ts';
import { asBoolean, asNumber } from './env-values.ts';
import { guidShapeGot } from './guid-shape.ts';
import { originPathHint } from './origin-path-hint.ts';
import type { Env } from './read-env.ts';
import { shownUrl } from './shown-url.ts';

// An Ajv of its own: it turns the environment's strings into the schema's booleans and numbers and
// fills in the defaults, which the contract's strict instance must never do to an answer. Compiled
// once into the contract cache like the contract's validators: every run starts by checking the
// environment, and loading Ajv's compiler was most of the time before Playwright could start.
const OPTIONS = {
  strict: true,
  allErrors: true,
  coerceTypes: true,
  useDefaults: true,
  keywords: ENV_KEYWORDS,
};
const ENV_SCHEMA_ID = 'https://mde-conformance.example/environment';
let validator: ValidateFunction<EnvValues> | undefined;

function validate(values: Record<string, unknown>): boolean {
  validator ??= precompiledValidators({
    schemas: [{ id: ENV_SCHEMA_ID, text: JSON.stringify({ ...ENV_SCHEMA, $id: ENV_SCHEMA_ID }) }],
    options: OPTIONS,
  }).get(ENV_SCHEMA_ID) as ValidateFunction<EnvValues>;
  return validator(values);
}

export interface CheckedEnvironment {
  // The valid values, typed, defaults filled in; a bad value is left out (and reported).
  values: EnvValues;
  // Any variable of the schema by name, e.g. MDE_ROLE_ISOLATE_CLIENT_ID; undefined if unset or bad.
  get(name: string): string | undefined;
  // Whether a value was given at all, valid or not.
  isSet(name: string): boolean;
  // The value as written (trimmed), for a message that echoes it; undefined if unset.
  written(name: string): string | undefined;
  // Whether the value given was refused by the schema (and reported already).
  isBad(name: string): boolean;
  // The variable a value was read from: its AZURE_* namesake when the MDE_* one is unset.
  nameOf(name: string): string;
}

// Checks every variable the schema names against it; each bad value is one problem naming the
// variable the user set, with the schema's fix text.
export function checkEnvironment(env: Env, problems: ConfigProblems): CheckedEnvironment {
  const given: Record<string, string> = {};
  const source: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    const value = raw?.trim();
    if (value && (schemaOf(name)?.writeOnly || /SECRET/.test(name)))
      registerSecret(value, { configured: true });
    if (value && schemaOf(name)) given[name] = value;
  }
  // The Azure SDKs' namesakes stand in for a tenant only: in emulator modes they would name Microsoft.
  if (given.MDE_TARGET === 'tenant')
    for (const [name, schema] of Object.entries(
      ENV_SCHEMA.properties as Record<string, { fallback?: string }>,
    )) {
      const fallback = schema.fallback;
      if (fallback && given[name] === undefined && env[fallback]?.trim()) {
        given[name] = env[fallback].trim();
        source[name] = fallback;
      }
    }

  const values: Record<string, unknown> = {};
  const bad = new Set<string>();
  for (const [name, value] of Object.entries(given)) {
    const type = schemaOf(name)?.type;
    values[name] = type === 'boolean' ? asBoolean(value) : type === 'number' ? asNumber(value) : value;
  }
  if (!validate(values)) {
    for (const error of validator?.errors ?? []) {
      const name = error.instancePath.split('/')[1];
      if (!name || !(name in values)) continue;
      delete values[name];
      bad.add(name);
      const schema = schemaOf(name);
      const got = schema?.writeOnly
        ? ''
        : QUOTED.test(given[name]!)
          ? quotedGot(given[name]!, schema)
          : schema?.quiet || (schema?.enum && !CHOICE_LIKE.test(given[name]!))
            ? quietGot(name, given[name]!)
            : ` (got ${JSON.stringify(schema?.url ? shownUrl(given[name]!) : given[name])}${schema?.url ? originPathHint(name, source[name] ?? name, given[name]!) : ''})`;
      problems.add(source[name] ?? name, `${schema?.fix ?? 'is not valid'}${got}`);
    }
    // Again without the bad values, which puts their defaults back; it cannot fail now.
    validate(values);
  }
  return {
    values: values as EnvValues,
    get: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    isSet: (name) => given[name] !== undefined,
    written: (name) => given[name],
    isBad: (name) => bad.has(name),
    nameOf: (name) => source[name] ?? name,
  };
}

// A choice's wrong value is shown when it reads as a word (a typo, another tool's name: "prod",
// "managed identity"); anything else may be the credential MDE_CREDENTIAL's name invites (an older
// secret's base64, a password), and is described as a quiet value is.
const CHOICE_LIKE = /^[A-Za-z][A-Za-z _-]{0,23}$/;

// A value in a pair of quotes: cmd.exe's `set NAME="value"`, Docker's --env-file and CI variable
// forms keep them, where a shell or .env takes them off. Said so, as "got 10 characters, not shown"
// left a user who had typed "emulator" nothing to fix. The value inside is shown only if it reads as
// a word where the variable is a choice, as an unquoted one is, and never for an id.
const QUOTED = /^(["'])[\s\S]*\1$/;
function quotedGot(value: string, schema: ReturnType<typeof schemaOf>): string {
  const inside = value.slice(1, -1);
  if (schema?.quiet || (schema?.enum && !CHOICE_LIKE.test(inside)))
    return ' (got a value in quotes, not shown; the quotes are part of the value here: remove them)';
  const shown = JSON.stringify(schema?.url ? shownUrl(inside) : inside);
  return ` (got ${shown} in quotes, which are part of the value here: remove them)`;
}

// A quiet value is never shown. A tenant's domain name (contoso.onmicrosoft.com), which Entra ID takes in
// place of its id, is said to be one: the suite needs the id, and the fix differs from a pasted secret's.
// So are an id in braces (PowerShell's [guid], the registry) and the multi-tenant authorities of user
// sign-in samples, which name no tenant: words everyone knows, shown as such.
const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/i;
const BRACED_GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const NO_TENANT = /^(common|organizations|consumers)$/i;
const URL_WITH_GUID = /^https?:\/\/[^/]+\/.*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// An id copied with the path's slash or a list's separator beside it: the punctuation is named, never the id.
const PUNCTUATED_GUID =
  /^([/\\,;.:]*)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}([/\\,;.:]*)$/i;
function quietGot(name: string, value: string): string {
  if (BRACED_GUID.test(value)) return ' (got an id in braces, not shown: leave the braces out)';
  const shape = guidShapeGot(value);
  if (shape) return shape;
  const punctuated = PUNCTUATED_GUID.exec(value);
  if (punctuated) {
    const extra = JSON.stringify([...new Set(punctuated[1]! + punctuated[2]!)].join(''));
    return ` (got an id with ${extra} beside it, not shown: leave the ${extra} out)`;
  }
  if (name === 'MDE_TENANT_ID' && NO_TENANT.test(value))
    return ` (got "${value}", which names no tenant but a multi-tenant authority; an app signs in to its own tenant: the Directory (tenant) ID on the app registration's overview page)`;
  // The authority or its OpenID configuration's URL, pasted whole.
  if (name === 'MDE_TENANT_ID' && URL_WITH_GUID.test(value))
    return ` (got a URL, not the id: set the GUID in its path alone; an authority other than Microsoft's goes in MDE_AUTH_BASE_URL)`;
  if (name === 'MDE_TENANT_ID' && DOMAIN_NAME.test(value))
    return ` (got a domain name, not the tenant's id: the Directory (tenant) ID on the app registration's overview page)`;
  return ` (got ${value.length} characters, not shown: it may be a secret in the wrong variable)`;
}
