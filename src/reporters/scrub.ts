import { redactText, registerSecret } from '../harness/redaction/redact.ts';

// Everything the reports say passes through here: secrets and tokens are redacted (by value and by
// shape), and the configured client ids, which are not secrets but identify the tenant's apps, are
// replaced too, so compliance.json can be shared outside the tenant.
const SECRET_VARIABLES = ['MDE_CLIENT_SECRET', 'MDE_LIMITED_CLIENT_SECRET'];
const CLIENT_ID_VARIABLES = ['MDE_CLIENT_ID', 'MDE_LIMITED_CLIENT_ID'];

export function scrub(text: string, env: NodeJS.ProcessEnv = process.env): string {
  for (const name of SECRET_VARIABLES) registerSecret(env[name]);
  let out = redactText(text);
  for (const name of CLIENT_ID_VARIABLES) {
    const value = env[name]?.trim();
    if (value && value.length >= 6) out = out.split(value).join('[CLIENT-ID]');
  }
  return out;
}

export function scrubValue<T>(value: T, env: NodeJS.ProcessEnv = process.env): T {
  return JSON.parse(scrub(JSON.stringify(value), env)) as T;
}
