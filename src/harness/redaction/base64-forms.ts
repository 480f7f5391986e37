import { formsOf } from './secret-forms.ts';

// A secret as it stands inside base64 text, wherever it began: HTTP Basic credentials
// (base64 of "client_id:client_secret", the client_secret_basic a token endpoint takes), or a header
// or body a tool encodes whole. Base64 writes three bytes as four characters, so a secret is written
// one of three ways by its offset; each form keeps only the characters made of the secret's bytes
// alone (not of what stands before or after it). Standard and URL alphabets.
// Only for secrets of MIN_LENGTH characters or more: the form of a short one is a few characters that
// any base64 text may hold by chance, a finding that would stop every run.
const MIN_LENGTH = 16;

// A configured secret's forms: as text (secret-forms.ts), and each of those inside base64 text. A
// token endpoint that quotes back the body it was sent, base64-encoded, quotes the secret form-encoded
// (an Entra secret's "~" as %7E), whose base64 has nothing in common with the raw secret's.
export function configuredSecretForms(value: string): string[] {
  const text = formsOf(value);
  return [...new Set([...text, ...text.flatMap(base64Forms)])];
}

export function base64Forms(value: string): string[] {
  if (value.length < MIN_LENGTH) return [];
  const bytes = Buffer.from(value, 'utf8');
  const forms = new Set<string>();
  for (const offset of [0, 1, 2]) {
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    // The characters of the groups the secret fills alone, after those it shares with the bytes before.
    const start = [0, 2, 3][offset]!;
    const end = Math.floor(shifted.length / 3) * 4;
    for (const alphabet of ['base64', 'base64url'] as const)
      forms.add(shifted.toString(alphabet).slice(start, end));
  }
  return [...forms];
}
