// The line for an option given without its value (`--records --help`, `--port` last), shared by the
// command lines of the scripts (src/common/script-args.ts) and of the emulator
// (src/emulator/cli/args.ts), which may not import each other. Node's parseArgs says "argument
// missing" or "ambiguous"; this says what to type instead, in the words of the command's usage.
export function missingValueLine(usage: string, option: string, next: string | undefined): string {
  const line = `${option} needs a value: ${option} ${placeholderIn(usage, option)}`;
  return next === undefined
    ? line
    : `${line}; ${next} is an option (for a value that starts with a dash, write ${option}=${next})`;
}

// What the usage writes after the option where it lists it (`  --port N`, `[--dir DIR]`).
function placeholderIn(usage: string, option: string): string {
  return new RegExp(`(?:^\\s*|\\[)${option} ([^\\s\\]]+)`, 'm').exec(usage)?.[1] ?? 'VALUE';
}
