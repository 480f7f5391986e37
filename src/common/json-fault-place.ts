import { JsonHabitError, lineColumn } from './json-habits.ts';

// Where a text JSON.parse refused breaks, by line and column: Node 20 (the CI's) gives only "at position
// N", and no Node version gives a place for an unexpected character (a NaN, a word left unquoted), so a
// hand-edited file of hundreds of lines read "unexpected text" with no line to look at. Nothing of the
// text is quoted (a file named by mistake may hold a secret).
export function jsonFaultPlace(text: string, error: unknown): JsonHabitError | undefined {
  const message = error instanceof Error ? error.message : '';
  const given = positionIn(message);
  const at = given ?? firstBadPrefix(text) - 1;
  if (at < 0 || at >= text.length) return undefined;
  return new JsonHabitError(`${given === undefined ? 'unexpected text ' : ''}at ${lineColumn(text, at)}`);
}

function positionIn(message: string): number | undefined {
  const position = /at position (\d+)/.exec(message)?.[1];
  return position === undefined ? undefined : Number(position);
}

// The length of the shortest prefix JSON.parse refuses other than for ending too soon: its last
// character is the first one no JSON text can go on with. A prefix of a text that is JSON so far only
// "ends too soon", so the lengths split in two and a binary search finds the bound (about 20 parses of
// at most the 1 MB a profile may take, only for a file already refused).
function firstBadPrefix(text: string): number {
  let good = 0;
  let bad = text.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (refusedBefore(text.slice(0, middle))) bad = middle;
    else good = middle;
  }
  return bad;
}

function refusedBefore(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/Unexpected end of JSON input/.test(message)) return false;
    const position = positionIn(message);
    return position === undefined || position < prefix.trimEnd().length;
  }
}
