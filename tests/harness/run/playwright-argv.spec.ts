import { isListingRun } from '../../../src/harness/run/listing-run.ts';
import { hasOption, optionValues, playwrightArgv } from '../../../src/harness/run/playwright-argv.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The one reading of `playwright test`'s arguments (src/harness/run/playwright-argv.ts), as commander
// reads them. Each token written short: `--name` / `--name=v1,v2` for an option by its long name (its
// values after `=`, comma-joined: none of these values holds a comma), `-g:--grep=v` when written
// otherwise, `?-q` for an unknown option, a bare word for a filter.
function read(args: string[]): string[] {
  return playwrightArgv(args).map((token) => {
    if (token.kind === 'filter') return token.value;
    if (token.kind === 'unknown') return `?${token.written}`;
    const long = token.values.length > 0 ? `${token.name}=${token.values.join(',')}` : token.name;
    return token.written === token.name ? long : `${token.written}:${long}`;
  });
}

const cases: [string, string[], string[]][] = [
  ['a flag, a filter', ['--list', 'tests/x.spec.ts'], ['--list', 'tests/x.spec.ts']],
  ['--name=value', ['--grep=@RATE'], ['--grep=@RATE']],
  ['--name value', ['--grep', '@RATE', 'x.spec.ts'], ['--grep=@RATE', 'x.spec.ts']],
  ['a value with =', ['--grep=a=b'], ['--grep=a=b']],
  [
    'a required value is the next argument, dash or not',
    ['--timeout', '--grep', 'x'],
    ['--timeout=--grep', 'x'],
  ],
  ['a required value missing at the end', ['--workers'], ['--workers']],
  ['an empty value after =', ['--workers='], ['--workers=']],
  ['short flags run together', ['-xh'], ['-x', '-h:--help']],
  ['short flags, then an option with its value joined', ['-xj3'], ['-x', '-j:--workers=3']],
  ['short flags, then an option with its value next', ['-xj', '3'], ['-x', '-j:--workers=3']],
  ["a short option's joined value", ['-g@CANCEL.OK', '-cp.ts'], ['-g:--grep=@CANCEL.OK', '-c:--config=p.ts']],
  ["a joined value holding the option's letters", ['-gxj'], ['-g:--grep=xj']],
  ['an optional value taken', ['--shuffle', 'seed.spec.ts'], ['--shuffle=seed.spec.ts']],
  [
    'an optional value not taken before an option',
    ['--shuffle', '-x', 'a.spec.ts'],
    ['--shuffle', '-x', 'a.spec.ts'],
  ],
  ['a short optional value joined', ['-uall'], ['-u:--update-snapshots=all']],
  ['an optional value after =', ['--only-changed=main'], ['--only-changed=main']],
  [
    'a variadic option takes up to the next option',
    ['--project', 'a', 'b', '-x', 'c'],
    ['--project=a,b', '-x', 'c'],
  ],
  [
    'a variadic option after = takes one',
    ['--project=a', 'tests/x.spec.ts'],
    ['--project=a', 'tests/x.spec.ts'],
  ],
  // Before (the rows below down to -hx failed): `--project` was read as taking values only without a
  // dash, what followed `--` as filters, a negative number as an unknown option, the rest of a run of
  // short flags only as letters, and `-h` as a letter that could start a run. Each row's reading is what
  // Playwright 1.65's own commander gave runTests for the same arguments.
  ['a variadic option takes its first value whatever it is', ['--project', '--list'], ['--project=--list']],
  [
    '-- ends the options, and Playwright filters by none of what follows',
    ['--list', '--', '--grep', '-x'],
    ['--list'],
  ],
  ['a filter before -- is kept', ['f.spec.ts', '--', 'a.spec.ts'], ['f.spec.ts']],
  [
    "a -- given as a value still drops the filters after it from Playwright's",
    ['--grep', '--', 'a.spec.ts'],
    ['--grep=--'],
  ],
  ['a negative number is a filter', ['-5', '-1.5'], ['-5', '-1.5']],
  ['an optional value may be a negative number', ['--shuffle', '-5'], ['--shuffle=-5']],
  [
    "a variadic option's further value may be a negative number",
    ['--project', 'a', '-5'],
    ['--project=a,-5'],
  ],
  ["a flag's run of short flags is read again whole: -x-list is -x --list", ['-x-list'], ['-x', '--list']],
  ['-h is help only alone, or last in a run of flags', ['-hx'], ['?-hx']],
  ['a required value may be --', ['--grep', '--', '--list'], ['--grep=--', '--list']],
  ['an unknown long option, its =value dropped', ['--gerp=@RATE', '--list'], ['?--gerp', '--list']],
  [
    'an unknown short letter ends its argument, named as commander names it',
    ['-xqj3', 'a'],
    ['-x', '?-qj3', 'a'],
  ],
  ["a flag's =value is kept, to be refused", ['--forbid-only=true'], ['--forbid-only=true']],
  ['a lone dash is a filter', ['-'], ['-']],
];

for (const [what, args, tokens] of cases)
  test(`playwrightArgv: ${what} (${args.join(' ')})`, () => {
    expect(read(args)).toEqual(tokens);
  });

test('optionValues gives each option its first value under the name as written, by long name', () => {
  const args = ['-xj2', '--workers=3', '--grep', '--workers', '--', '--workers=4'];
  expect([...optionValues(args, ['--workers'])].map(({ name, value }) => `${name} ${value}`)).toEqual([
    '-j 2',
    '--workers 3',
  ]);
  expect([...optionValues(['--shard'], ['--shard'])]).toEqual([{ name: '--shard', value: undefined, at: 0 }]);
});

// Before: --list and --help were found by equality, so a grep for "--list" or a filter after -- read
// as a listing (no reports written), and -xh was not read as help.
test('an option is one only where Playwright reads it as one', () => {
  expect(hasOption(['-xh'], '--help')).toBe(true);
  expect(hasOption(['--grep', '--help'], '--help')).toBe(false);
  expect(isListingRun(['node', 'cli.js', 'test', '--list'])).toBe(true);
  expect(isListingRun(['node', 'cli.js', 'test', '--grep', '--list'])).toBe(false);
  expect(isListingRun(['node', 'cli.js', 'test', '--', '--list'])).toBe(false);
});
