import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readUserFile } from '../../common/regular-file.ts';
import { ENV_SCHEMA, schemaOf } from '../config/env-schema.ts';
import { type Env, readEnv } from '../config/read-env.ts';
import { configuredSecretForms } from './base64-forms.ts';
import { privateKeyBlocks } from './private-key-pem.ts';
import { formsOf } from './secret-forms.ts';

// What the configuration holds that no artefact may carry, read as the run reads it (the environment
// over .env, the AZURE_* namesakes, every MDE_ROLE_<X>_* app): client secrets, the private keys of the
// certificate files, the federated token files; and the client ids, which the compliance reports must
// not carry. The reports' redaction (src/reporters/compliance/scrub.ts), the leak scan and the sign-in errors all
// read this list, so a variable added to the schema is covered everywhere at once.
export const CLIENT_ID_PLACEHOLDER = '[CLIENT-ID]';
const MIN_LENGTH = 6;

export interface ConfiguredValue {
  // What it is, for a leak-scan finding: "the value of AZURE_CLIENT_SECRET", never the value.
  what: string;
  kind: 'secret' | 'client-id';
  // The ways it may be written (secret-forms.ts; a client id, a GUID, in either case).
  forms: string[];
}

type Role = 'secret' | 'client-id' | 'key-file' | 'token-file';

export function configuredSecrets(cwd = process.cwd(), environment: Env = process.env): ConfiguredValue[] {
  const env = readEnv(cwd, environment);
  const found: ConfiguredValue[] = [];
  for (const [name, raw] of Object.entries(env)) {
    const value = raw?.trim();
    const role = roleOf(name);
    if (!value || !role) continue;
    if (role === 'secret' && value.length >= MIN_LENGTH)
      found.push({ what: `the value of ${name}`, kind: 'secret', forms: configuredSecretForms(value) });
    if (role === 'client-id' && value.length >= MIN_LENGTH)
      found.push({ what: `the value of ${name}`, kind: 'client-id', forms: caseForms(value) });
    if (role === 'key-file')
      for (const { block, base64, middleLine } of privateKeyBlocks(readQuietly(resolve(cwd, value))))
        found.push({
          what: `the private key in the file of ${name}`,
          kind: 'secret',
          forms: [
            ...new Set([block, block.replace(/\r?\n/g, '\r\n'), base64, middleLine ?? ''].flatMap(formsOf)),
          ],
        });
    const token = role === 'token-file' ? readQuietly(resolve(cwd, value)).trim() : '';
    if (token.length >= MIN_LENGTH)
      found.push({
        what: `the token in the file of ${name}`,
        kind: 'secret',
        forms: configuredSecretForms(token),
      });
  }
  return found;
}

// The same for callers that ask for every string they write (the reports): read again only when the
// working directory, the .env file or a variable of ours changed, not on every call. Even that check
// (a stat and a walk over the environment) is made once per turn of the event loop: the reporter
// scrubs every string of 3,000+ records in one synchronous pass, and nothing can change the
// configuration in the middle of it.
let latest: { key: string; values: ConfiguredValue[] } | undefined;
let checkedThisTurn = false;
export function currentConfiguredSecrets(): ConfiguredValue[] {
  if (latest && checkedThisTurn) return latest.values;
  const key = configurationKey(process.cwd(), process.env);
  if (latest?.key !== key) latest = { key, values: configuredSecrets() };
  checkedThisTurn = true;
  setImmediate(() => {
    checkedThisTurn = false;
  }).unref();
  return latest.values;
}

function configurationKey(cwd: string, env: Env): string {
  let dotenv = 'none';
  try {
    const stat = statSync(join(cwd, '.env'));
    dotenv = `${stat.mtimeMs}:${stat.size}`;
  } catch {}
  const ours = Object.keys(env).filter(
    (name) => /^(MDE_|AZURE_|ACTIONS_)/.test(name) || AZURE_SDK_SECRETS.has(name),
  );
  return JSON.stringify([cwd, dotenv, ours.sort().map((name) => [name, env[name]])]);
}

// The configured client ids (each in both cases), for messages that quote them.
export function configuredClientIds(cwd = process.cwd(), environment: Env = process.env): string[] {
  return configuredSecrets(cwd, environment)
    .filter((v) => v.kind === 'client-id')
    .flatMap((v) => v.forms);
}

function caseForms(value: string): string[] {
  return [...new Set([value, value.toLowerCase(), value.toUpperCase()])];
}

const FALLBACK_OWNERS = new Map(
  Object.entries(ENV_SCHEMA.properties as Record<string, { fallback?: string }>)
    .filter(([, schema]) => schema.fallback)
    .map(([name, schema]) => [schema.fallback!, name]),
);

// Secrets the Azure SDK's default credential chain reads by itself (MDE_CREDENTIAL=default): no
// variable of ours names them, but a token endpoint can quote them back as it can quote ours.
const AZURE_SDK_SECRETS = new Set([
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'AZURE_PASSWORD',
  'IDENTITY_HEADER',
  'MSI_SECRET',
]);

// A variable of the schema, or the Azure SDK namesake one of them falls back to (AZURE_CLIENT_SECRET ...).
function roleOf(name: string): Role | undefined {
  if (AZURE_SDK_SECRETS.has(name)) return 'secret';
  const owner = schemaOf(name) ? name : FALLBACK_OWNERS.get(name);
  if (!owner) return undefined;
  if (schemaOf(owner)?.writeOnly) return 'secret';
  if (owner.endsWith('_CLIENT_ID')) return 'client-id';
  if (owner.endsWith('_CERTIFICATE_PATH')) return 'key-file';
  if (owner.endsWith('_TOKEN_FILE')) return 'token-file';
  return undefined;
}

// A file the configuration check reports when unreadable; here it simply holds nothing to look for.
function readQuietly(path: string): string {
  try {
    return readUserFile(path, 'utf8');
  } catch {
    return '';
  }
}
