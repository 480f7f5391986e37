// A header's value as a reason line quotes it: one the answer did not carry is said to be missing,
// not shown as `null` or `""`, which read as a value the target sent.
export function headerShown(name: string, value: string | undefined): string {
  return value === undefined ? `no ${name} header` : JSON.stringify(value);
}
