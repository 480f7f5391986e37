import { PLAYWRIGHT_SHORT_OPTIONS, PLAYWRIGHT_TEST_OPTIONS, takes } from './playwright-options.ts';

// `playwright test`'s arguments read once, as its commander reads them, by the one table of options
// (playwright-options.ts). Every reader of the command line (unknown-option.ts, the checks of values,
// the reporters' test selection) goes through this: each used to keep its own grammar and its own list
// of the options that take a value, and every recent misreading (`-g@TAG`, `-xj3`, a file filter after
// `--project=NAME`, a spaced `--project a b`, a `--shuffle` seed) was one copy drifting from the others.
//
// The grammar (commander's): `--name=value` and `--name value`; short flags run together, the first
// short option that takes a value taking the rest of the argument (`-xj3`, `-g@TAG`) or else what
// follows; a required value is the next argument whatever it is (`--timeout --grep` gives --timeout the
// value "--grep"); an optional value, or each of a variadic option's (`--project a b`), is a following
// argument without a leading dash; `--` ends the options, and every argument without a dash is a filter.
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
// An option Playwright does not know (`--gerp`, the `q` of `-xq`): its runner stops on it.
type UnknownToken = { kind: 'unknown'; written: string; at: number };
// A test file or title filter (after `--`, anything).
type FilterToken = { kind: 'filter'; value: string; at: number };
export type ArgvToken = OptionToken | UnknownToken | FilterToken;

const isOptionLike = (arg: string | undefined): boolean => arg?.startsWith('-') === true && arg !== '-';

export function playwrightArgv(args: readonly string[]): ArgvToken[] {
  const tokens: ArgvToken[] = [];
  for (let at = 0; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === '--') {
      for (let rest = at + 1; rest < args.length; rest++)
        tokens.push({ kind: 'filter', value: args[rest]!, at: rest });
      break;
    }
    if (!isOptionLike(arg)) {
      tokens.push({ kind: 'filter', value: arg, at });
      continue;
    }
    const option = arg.startsWith('--') ? longOption(arg, at) : shortOptions(arg, at, tokens);
    if (!option) continue;
    tokens.push(option);
    if (option.kind === 'unknown' || option.inline) continue;
    // The value that follows the option's argument, as its kind takes it.
    const kind = takes(option.name);
    if (kind === 'required' && at + 1 < args.length) option.values.push(args[++at]!);
    else if (kind === 'optional' && at + 1 < args.length && !isOptionLike(args[at + 1]))
      option.values.push(args[++at]!);
    else if (kind === 'variadic')
      while (at + 1 < args.length && !isOptionLike(args[at + 1])) option.values.push(args[++at]!);
  }
  return tokens;
}

// `--name` or `--name=value` (a flag's `=value` kept, for unknown-option.ts to refuse as commander does).
function longOption(arg: string, at: number): OptionToken | UnknownToken {
  const equals = arg.indexOf('=');
  const name = equals < 0 ? arg : arg.slice(0, equals);
  if (!(name in PLAYWRIGHT_TEST_OPTIONS)) return { kind: 'unknown', written: name, at };
  const values = equals < 0 ? [] : [arg.slice(equals + 1)];
  return { kind: 'option', name, written: name, values, inline: equals >= 0, at };
}

// Short options in one argument: the flags are pushed here; the last one, the option that takes a value
// (with the rest of the argument as its value, if any), or an unknown letter is returned.
function shortOptions(arg: string, at: number, tokens: ArgvToken[]): OptionToken | UnknownToken | undefined {
  for (let i = 1; i < arg.length; i++) {
    const written = `-${arg[i]}`;
    const name = PLAYWRIGHT_SHORT_OPTIONS[arg[i]!];
    if (!name) return { kind: 'unknown', written, at };
    const rest = arg.slice(i + 1);
    const option: OptionToken = { kind: 'option', name, written, values: [], inline: false, at };
    if (takes(name) === 'none') {
      if (rest === '') return option;
      tokens.push(option);
      continue;
    }
    if (rest !== '') option.values.push(rest);
    return { ...option, inline: rest !== '' };
  }
  return undefined;
}

// Each of these options (long names; -x for itself) with its first value, under the name as written,
// before a bare `--`; undefined when none was given. `at`: the option's argument.
export function* optionValues(
  args: readonly string[],
  names: readonly string[],
): Generator<{ name: string; value: string | undefined; at: number }> {
  for (const token of playwrightArgv(args))
    if (token.kind === 'option' && names.includes(token.name))
      yield { name: token.written, value: token.values[0], at: token.at };
}

// Whether the option (its long name; -x for itself) is given as an option, not as another's value or
// a filter (`--grep --list` greps for "--list"; `-- --list` filters by it).
export function hasOption(args: readonly string[], name: string): boolean {
  return playwrightArgv(args).some((token) => token.kind === 'option' && token.name === name);
}
