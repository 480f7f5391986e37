import { PLAYWRIGHT_SHORT_OPTIONS, PLAYWRIGHT_TEST_OPTIONS, takes } from './playwright-options.ts';

// `playwright test`'s arguments read once, as its commander reads them, by the one table of options
// (playwright-options.ts). Every reader of the command line (unknown-option.ts, the checks of values,
// the reporters' test selection) goes through this, so that no two readers can drift apart on which
// options take a value (`-g@TAG`, `-xj3`, a filter after `--project=NAME`, `--project a b`, `--shuffle`).
//
// The grammar is commander 14's parseOptions (node_modules/playwright-core/lib/utilsBundle.js), followed
// step for step: `--name=value` and `--name value`; a short option with the rest of its argument (`-g@TAG`)
// if it takes a value, else a flag whose argument's rest is read again as `-rest` (`-xj3` is -x then
// -j3; `-x-list` is -x then --list); a required value is the next argument whatever it is (`--timeout
// --grep`, `--project --list`); an optional value, or a variadic option's further ones (`--project a b`),
// is a following argument without a leading dash, or a negative number (`--shuffle -5`); an argument that
// is a negative number is a filter (`-5`). Help is no option to commander: only a whole `-h` or `--help`
// asks for it (`-xh` does, `-hx` is unknown). `--` ends the options, and Playwright's test command then
// drops as many filters, from the end, as process.argv has arguments after its first `--`: the ones
// after a `--` filter nothing (test-selection.ts).
// `name`: the long name (-x has none: '-x'); `written`: as given ('-g', '--grep'); `values`: none, one,
// or a variadic option's several; `inline`: given in the option's own argument (=, or joined); `at`: that
// argument's index.
type OptionToken = {
  kind: 'option';
  name: string;
  written: string;
  values: string[];
  inline: boolean;
  at: number;
};
// An option Playwright does not know (`--gerp`, the `-q` of `-xq`, the `-qj3` of `-xqj3`): its runner stops
// on it.
type UnknownToken = { kind: 'unknown'; written: string; at: number };
// A test file or title filter.
type FilterToken = { kind: 'filter'; value: string; at: number };
export type ArgvToken = OptionToken | UnknownToken | FilterToken;

const HELP = ['-h', '--help'];
// commander's maybeOption and negativeNumberArg (no option of `playwright test` is a dash and a digit).
const isOptionLike = (arg: string): boolean => arg.length > 1 && arg.startsWith('-');
const isNegativeNumber = (arg: string): boolean => /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg);
const takesAsValue = (arg: string | undefined): arg is string =>
  arg !== undefined && (!isOptionLike(arg) || isNegativeNumber(arg));

// The option an argument names whole (`--grep`, `-g`, `-x`, and help, which commander checks apart).
function named(arg: string): string | undefined {
  if (HELP.includes(arg)) return '--help';
  if (arg in PLAYWRIGHT_TEST_OPTIONS) return arg;
  return arg.length === 2 ? PLAYWRIGHT_SHORT_OPTIONS[arg[1]!] : undefined;
}

export function playwrightArgv(args: readonly string[]): ArgvToken[] {
  const tokens: ArgvToken[] = [];
  const option = (name: string, written: string, at: number, values: string[] = [], inline = false) => {
    const token: OptionToken = { kind: 'option', name, written, values, inline, at };
    tokens.push(token);
    return token;
  };
  let variadic: OptionToken | undefined;
  // The rest of a run of short flags, read again as an argument of its own.
  let group: string | undefined;
  let next = 0;
  while (next < args.length || group !== undefined) {
    const at = group === undefined ? next : next - 1;
    const arg = group ?? args[next++]!;
    group = undefined;
    if (arg === '--') {
      for (; next < args.length; next++) tokens.push({ kind: 'filter', value: args[next]!, at: next });
      break;
    }
    if (variadic && takesAsValue(arg)) {
      variadic.values.push(arg);
      continue;
    }
    variadic = undefined;
    const name = isOptionLike(arg) ? named(arg) : undefined;
    if (name) {
      const token = option(name, arg, at);
      const kind = takes(name);
      if (kind === 'required' || kind === 'variadic') {
        if (next < args.length) token.values.push(args[next++]!);
      } else if (kind === 'optional' && takesAsValue(args[next])) token.values.push(args[next++]!);
      if (kind === 'variadic') variadic = token;
      continue;
    }
    const short =
      arg.length > 2 && arg[0] === '-' && arg[1] !== '-' ? PLAYWRIGHT_SHORT_OPTIONS[arg[1]!] : undefined;
    if (short && short !== '--help') {
      if (takes(short) === 'none') {
        option(short, arg.slice(0, 2), at);
        group = `-${arg.slice(2)}`;
      } else option(short, arg.slice(0, 2), at, [arg.slice(2)], true);
      continue;
    }
    const equals = arg.indexOf('=');
    const long = /^--[^=]+=/.test(arg) ? arg.slice(0, equals) : undefined;
    // A flag's `=value` is kept as the flag's, for unknown-option.ts to refuse as commander does.
    if (long && long in PLAYWRIGHT_TEST_OPTIONS) option(long, long, at, [arg.slice(equals + 1)], true);
    else if (isOptionLike(arg) && !isNegativeNumber(arg))
      tokens.push({ kind: 'unknown', written: long ?? arg, at });
    else tokens.push({ kind: 'filter', value: arg, at });
  }
  return withoutDroppedFilters(tokens, args);
}

// Playwright's test action: `args.slice(0, args.length - postDashCount)`, postDashCount counting the
// arguments after the first `--` of its argv, a `--` given as a value (`--grep --`) included.
function withoutDroppedFilters(tokens: ArgvToken[], args: readonly string[]): ArgvToken[] {
  const dash = args.indexOf('--');
  if (dash < 0) return tokens;
  const filters = tokens.filter((token) => token.kind === 'filter');
  const kept = new Set(filters.slice(0, filters.length - (args.length - 1 - dash)));
  return tokens.filter((token) => token.kind !== 'filter' || kept.has(token));
}

// Each of these options (long names; -x for itself) with its first value, under the name as written;
// undefined when none was given. `at`: the option's argument.
export function* optionValues(
  args: readonly string[],
  names: readonly string[],
): Generator<{ name: string; value: string | undefined; at: number }> {
  for (const token of playwrightArgv(args))
    if (token.kind === 'option' && names.includes(token.name))
      yield { name: token.written, value: token.values[0], at: token.at };
}

// Whether the option (its long name; -x for itself) is given as an option, not as another's value or
// a filter (`--grep --list` greps for "--list"; after `-- --list` Playwright filters by nothing).
export function hasOption(args: readonly string[], name: string): boolean {
  return playwrightArgv(args).some((token) => token.kind === 'option' && token.name === name);
}
