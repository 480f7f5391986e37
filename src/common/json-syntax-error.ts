import { JsonTooDeepError, MAX_JSON_DEPTH } from './json-depth.ts';
import { JsonHabitError } from './json-habits.ts';
import { JsonEmptyError, JsonNulError, JsonUtf16Error } from './user-json.ts';

// Where a JSON text breaks, for a message that names a user's file. JSON.parse's own message quotes the
// text around the fault, which in a file named by mistake (a .env, a key) may be part of a secret: only
// the position it gives, where it gives one, is kept.
export function jsonSyntaxWhere(error: unknown): string {
  if (error instanceof JsonTooDeepError) return `nested deeper than ${MAX_JSON_DEPTH} levels`;
  if (error instanceof JsonUtf16Error)
    return "UTF-16 encoded, as PowerShell's > and Out-File write it: save it as UTF-8";
  if (error instanceof JsonNulError)
    return `a NUL byte at position ${error.position}: the file was cut short as it was written (a crash, a full disk), or is not text`;
  if (error instanceof JsonHabitError) return error.message;
  if (error instanceof JsonEmptyError) return 'the file is empty';
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /\(line \d+ column \d+\)/.exec(message)?.[0];
  if (lineColumn) return `at ${lineColumn.slice(1, -1)}`;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position) return `at position ${position}`;
  return /Unexpected end of JSON input/.test(message) ? 'cut short' : 'unexpected text';
}
