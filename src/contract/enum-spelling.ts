// A value the schema lists, written in another case or with "_" or a space for "-" ("HTTP-date" as
// RFC 9110 spells it, "return_existing"): said so, naming the listed value. What was written is still
// shown only where shapeOf() shows it (a lower-case word); the listed value is no secret.
export function listedSpelling(violation: { keyword: string; expected: string }, value: unknown): string {
  if (violation.keyword !== 'enum' || typeof value !== 'string') return '';
  const listed = /^one of (\[.*\])$/.exec(violation.expected)?.[1];
  if (!listed) return '';
  const loose = (word: string) =>
    word
      .trim()
      .toLowerCase()
      .replace(/[_\s]+/g, '-');
  const meant = (JSON.parse(listed) as unknown[]).find(
    (allowed) => typeof allowed === 'string' && allowed !== value && loose(allowed) === loose(value),
  );
  return meant === undefined ? '' : `, which is ${JSON.stringify(meant)} spelt otherwise: write it as listed`;
}
