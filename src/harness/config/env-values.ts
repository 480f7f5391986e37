// How the MDE_* variables spell lists and switches, read alike wherever they are read.

// "a, b,,c" -> ["a", "b", "c"].
export function commaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// "TRUE", "1" and "0" are what people write for a switch too; ajv coerces only "true" and "false".
export function asBoolean(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower === '1' ? 'true' : lower === '0' ? 'false' : lower;
}
