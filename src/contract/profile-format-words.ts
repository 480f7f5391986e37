// What a profile file's schema violation expects, said in words that name the fix: Ajv's own words
// ("must NOT have fewer than 1 characters", "must match exactly one schema in oneOf") do not, nor does
// a pattern. `patterns`: the schema's patterns (profile-format.ts reads them), each with its words.
export interface SchemaPatterns {
  headerValue: string;
  contentType: string;
  name: string;
  memberName: string;
}

const PATTERN_WORDS: Record<keyof SchemaPatterns, string> = {
  headerValue:
    'a header value: tab, space, visible ASCII or Latin-1 characters, no space or tab at either end (a client drops them), no CR, LF or other control character',
  contentType: 'application/json (in any case), with parameters after a ";" if any',
  name: 'lower-case letters, digits, dots and dashes, starting with a letter or a digit',
  memberName: 'a member name: letters, digits, "_", "." and "@", starting with a letter or "@"',
};

export function plain(
  { expected, keyword, path }: { expected: string; keyword: string; path: string },
  patterns: SchemaPatterns,
): string {
  for (const [which, pattern] of Object.entries(patterns))
    if (expected === `a string matching ${pattern}`) return PATTERN_WORDS[which as keyof SchemaPatterns];
  const longest = /^maxLength must NOT have more than (\d+) characters$/.exec(expected)?.[1];
  if (longest) return `at most ${longest} characters`;
  const fewest = /^minLength must NOT have fewer than (\d+) characters?$/.exec(expected)?.[1];
  if (fewest) return fewest === '1' ? 'a string that is not empty' : `at least ${fewest} characters`;
  const twice = /^uniqueItems .*items ## (\d+) and (\d+) are identical/.exec(expected);
  if (twice) return `each item once (items ${twice[2]} and ${twice[1]} are the same)`;
  // The one value a refusal's status rules out (schema $defs.refusal).
  if (keyword === 'not' && /\/status$/.test(path))
    return 'a status other than 429 (a 429 says the caller is throttled; it answers no open point)';
  const entry = /^\/points\/[^/]+$/.test(path);
  if (entry && keyword === 'oneOf') return 'either "reading" or "unknown", not both';
  // A reading written bare ("rate-window": "sliding") where its entry goes.
  if (entry && expected === 'type object') return 'an entry, {"reading": ...} or {"unknown": "the reason"}';
  if (entry && expected === 'property "reading" to be present')
    return '"reading", or "unknown" with the reason';
  return expected;
}
