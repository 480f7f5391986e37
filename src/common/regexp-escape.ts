// Text matched literally inside a regular expression: every character that means more is escaped.
// Node 20 has no RegExp.escape; the contract's paths, the emulator's routes, the harness's run ids and
// target tags and the unit tests' folder all need it, and the contract is the layer all may import.
export function regexpEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
