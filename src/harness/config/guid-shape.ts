// Hexadecimal digits and dashes only: an id with its dashes left out (Azure CLI's `--query` with `tr`,
// some portals' exports) or a character lost or doubled in the copy. No Entra secret is so shaped; the
// group lengths are shown, never a digit.
const GUID_DIGITS = /^[0-9a-f]{32}$/i;
const GUID_LIKE = /^[0-9a-f]+(-[0-9a-f]+){4}$/i;
export function guidShapeGot(value: string): string | undefined {
  if (GUID_DIGITS.test(value))
    return " (got 32 hexadecimal digits without a GUID's dashes, not shown: write the id with its dashes, 8-4-4-4-12, as the app registration's overview page shows it)";
  if (GUID_LIKE.test(value))
    return ` (got an id whose groups are ${value
      .split('-')
      .map((group) => group.length)
      .join(
        '-',
      )} characters long, not shown, where a GUID's are 8-4-4-4-12: a character was lost or added in the copy; copy the id again)`;
  return undefined;
}
