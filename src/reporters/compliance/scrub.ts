import {
  CLIENT_ID_PLACEHOLDER,
  type ConfiguredValue,
  currentConfiguredSecrets,
} from '../../harness/redaction/configured-secrets.ts';
import { redactText, registerSecret } from '../../harness/redaction/redact.ts';
import { redactStructure } from '../../harness/redaction/redact-structure.ts';

// Everything the reports say passes through here: secrets and tokens are redacted (by value and by
// shape), and the configured client ids, which are not secrets but identify the tenant's apps, are
// replaced too, so compliance.json can be shared outside the tenant. What is configured is read as the
// run reads it: environment and .env (src/harness/redaction/configured-secrets.ts).
export function scrub(text: string, values: ConfiguredValue[] = currentConfiguredSecrets()): string {
  // Longest form first: a JSON-escaped form is replaced whole before the raw one could split it.
  for (const value of values)
    if (value.kind === 'secret') for (const form of byLength(value.forms)) registerSecret(form);
  let out = redactText(text);
  for (const value of values) {
    if (value.kind !== 'client-id') continue;
    for (const form of value.forms) out = out.split(form).join(CLIENT_ID_PLACEHOLDER);
  }
  return out;
}

function byLength(forms: string[]): string[] {
  return [...forms].sort((a, b) => b.length - a.length);
}

// Each string where it stands (redact.ts#redactStructure): scrubbing the JSON text broke it where a
// configured secret of digits stood inside a number.
export function scrubValue<T>(value: T, values: ConfiguredValue[] = currentConfiguredSecrets()): T {
  return redactStructure(value, (text) => scrub(text, values));
}
