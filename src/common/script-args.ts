import { type ParseArgsConfig, parseArgs } from 'node:util';
import { missingValueLine } from './missing-value.ts';

// Every problem found in a script's arguments, one line each, before the script writes anything.
export class ArgumentProblems extends Error {
  override readonly name = 'ArgumentProblems';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

// The command line of `npm run report`, `report:merge`, `leak-scan`, `selftest` and `npm test`. npm
// hands on the `--` that separates its own options; --help prints the command's usage and exits 0
// before anything is read.
export function scriptArgs<const T extends Omit<ParseArgsConfig, 'args'>>(usage: string, config: T) {
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  // Read as tokens first, so that --help counts only as an option of its own, never as a value
  // (`--records --help`) or after `--`.
  const { tokens = [] } = parseArgs({
    ...config,
    args,
    strict: false,
    tokens: true,
    options: { ...config.options, help: { type: 'boolean', short: 'h' } },
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    console.log(usage);
    process.exit(0);
  }
  let parsed: ReturnType<typeof parseArgs<T & { args: string[] }>>;
  try {
    parsed = parseArgs({ ...config, args });
  } catch (error) {
    const missing = tokens.find(
      (t) =>
        t.kind === 'option' &&
        config.options?.[t.name]?.type === 'string' &&
        (t.value === undefined || (!t.inlineValue && /^-./.test(t.value))),
    );
    if (missing?.kind === 'option') throw new Error(missingValue(usage, missing.rawName, missing.value));
    // Node's message goes on to advise a `--` that npm has already taken; its first sentence is enough.
    throw new Error(`${(error as Error).message.split('. ')[0]} (see --help)`);
  }
  // `--dir "$ARTIFACT"` with the variable unset: an empty path resolves to the working directory, and
  // the script silently worked on the repository's own run instead of the one meant.
  const empty = tokens.find((t) => (t.kind === 'option' || t.kind === 'positional') && t.value === '');
  if (empty?.kind === 'option')
    throw new Error(
      `${missingValueLine(usage, empty.rawName, undefined)}; it was given empty (an unset variable?)`,
    );
  if (empty)
    throw new Error('an argument is empty (an unset variable?): give a path, or leave it out (see --help)');
  return parsed;
}

// The line says what to type instead; --help is named when nothing came after the option.
function missingValue(usage: string, option: string, next: string | undefined): string {
  const line = missingValueLine(usage, option, next);
  return next === undefined ? `${line} (see --help)` : line;
}
