// What a profile file's schema violation expects, said in words that name the fix: Ajv's own words
// ("must NOT have fewer than 1 characters", "must match exactly one schema in oneOf") do not. The
// header value pattern is the schema's $defs.headerValue, read by profile-format.ts.
export function plain(
  { expected, keyword, path }: { expected: string; keyword: string; path: string },
  headerValuePattern: string,
): string {
  if (expected === `a string matching ${headerValuePattern}`)
    return 'a header value: tab, space, visible ASCII or Latin-1 characters, no space or tab at either end (a client drops them), no CR, LF or other control character';
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
  if (entry && expected === 'property "reading" to be present')
    return '"reading", or "unknown" with the reason';
  return expected;
}
