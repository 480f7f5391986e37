import type { Assignment } from './env-file-lines.ts';
import { ENV_SCHEMA, schemaOf, type VariableSchema } from './env-schema.ts';

// Values dotenv reads otherwise than they are written, with no word: an unquoted value ends at its
// first `#` (the rest of the line is a comment), and inside double quotes a backslash before a quote
// stays in the value. A secret holding either was sent cut or with backslashes, and the sign-in said
// only that the secret was wrong. Said by line and name, never the value. A `#` after a space is taken
// for the comment it usually is, but in a secret of several words; single quotes keep everything.
export function misreadValueWarnings(assigned: readonly Assignment[]): string[] {
  const warnings: string[] = [];
  for (const { line, name, value } of assigned) {
    if (cutAtHash(value, isSecret(name)))
      warnings.push(
        `warning: .env line ${line} ends ${name}'s value at a "#": dotenv reads from it to the line's end as a comment; if the "#" is part of the value, put the value in single quotes (${name}='...')`,
      );
    else if (escapedDoubleQuote(value.trimStart()))
      warnings.push(
        `warning: .env line ${line} holds \\" inside ${name}'s double-quoted value, and dotenv keeps the backslash; put a value holding " in single quotes (${name}='...') without backslashes`,
      );
  }
  return warnings;
}

// An unquoted value whose `#` opens it right after the `=`, follows a character of it, or follows a
// secret's words with spaces between them (`walk6 with "quotes" # and more`: no Entra secret holds a
// space). Not a setting and its comment after spaces (`NAME=C:/My Certs/app.pem # CI's`: dotenv reads
// the path as written), nor an empty one with its note (`NAME= # set in CI`).
function cutAtHash(written: string, secret: boolean): boolean {
  const value = written.trimStart();
  if (/^["'`]/.test(value)) return false;
  const hash = value.indexOf('#');
  if (hash < 0) return false;
  if (hash === 0) return value === written;
  return !/\s/.test(value[hash - 1]!) || (secret && /\s/.test(value.slice(0, hash).trim()));
}

// A variable holding a secret (`writeOnly`), or the Azure namesake read in its place.
function isSecret(name: string): boolean {
  if (schemaOf(name)?.writeOnly) return true;
  const schemas = Object.values(ENV_SCHEMA.properties as Record<string, VariableSchema>);
  return schemas.some((schema) => schema.writeOnly && schema.fallback === name);
}

// A double-quoted value closed on its own line that holds \" (one left open or spread over lines is
// another warning's, or no setting of this suite's).
function escapedDoubleQuote(value: string): boolean {
  if (!value.startsWith('"')) return false;
  let escaped = false;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === '\\' && value[i + 1] === '"') {
      escaped = true;
      i++;
    } else if (value[i] === '"') return escaped;
  }
  return false;
}
