import { spawnSync } from 'node:child_process';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { hasOption, playwrightArgv } from '../../../src/harness/run/playwright-argv.ts';
import { takes } from '../../../src/harness/run/playwright-options.ts';
import { unknownOptionProblem } from '../../../src/harness/run/unknown-option.ts';
import { expect, test } from '../../helpers/api-test.ts';

// playwright-argv.ts against Playwright's own reading: each command line below parsed by the installed
// Playwright's program (lib/program.js, its commander), its runTests replaced by one that records the
// filters and options it was given, in one child. An upgrade whose commander reads one differently
// shows here, as the round of review that wrote this found six readings that had drifted (-- and what
// follows it, -5, --project --list, -x-list, -hx, an unknown option beside --help).
const PARSE = `
const path = require('node:path');
const root = path.join(process.cwd(), 'node_modules/playwright');
const actions = require.resolve(path.join(root, 'lib/cli/testActions.js'));
let got;
require.cache[actions] = { id: actions, filename: actions, loaded: true, exports: {
  runTests: async (filters, opts) => { got = { filters, opts: { ...opts } }; }, clearCache: async () => {} } };
const { program } = require(path.join(root, 'lib/program.js'));
const command = program.commands.find((c) => c.name() === 'test');
for (const c of [program, command]) c.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
const out = [];
for (const args of JSON.parse(process.argv[process.argv.length - 1])) {
  got = undefined;
  process.argv = [process.execPath, 'cli.js', 'test', ...args];
  try { program.parse(process.argv); out.push(got); } catch (e) { out.push({ error: e.code }); }
}
console.log(JSON.stringify(out));`;

const CASES: string[][] = [
  ['--list', 'tests/x.spec.ts'],
  ['--grep=@RATE', '--shard', '1/3'],
  ['--grep', '@RATE', 'x.spec.ts'],
  ['--timeout', '--grep', 'x'],
  ['--workers'],
  ['--workers='],
  ['-xh'],
  ['-hx'],
  ['-xj3'],
  ['-xj', '3'],
  ['-g@CANCEL.OK', '-cp.ts'],
  ['-gxj'],
  ['-g=x'],
  ['--shuffle', 'seed.spec.ts'],
  ['--shuffle', '-x', 'a.spec.ts'],
  ['--shuffle', '-5'],
  ['-uall'],
  ['-u', 'x.spec.ts'],
  ['-u'],
  ['--debug'],
  ['--debug', 'cli', 'f'],
  ['--only-changed=main', 'f'],
  ['--project', 'a', 'b', '-x', 'c'],
  ['--project=a', 'tests/x.spec.ts'],
  ['--project', '--list'],
  ['--project', 'a', '-5'],
  ['--project', 'a', '--project', 'b'],
  ['--list', '--', '--grep', '-x'],
  ['f.spec.ts', '--', 'a.spec.ts'],
  ['--grep', '--', 'a.spec.ts'],
  ['--grep', '--', '--list'],
  ['-5', '-1.5'],
  ['-x-list'],
  ['--gerp=@RATE', '--list'],
  ['-xqj3', 'a'],
  ['--forbid-only=true'],
  ['--gerp', 'x', '--help'],
  ['--help=x'],
  ['-'],
  ['--no-deps', '--deps'],
  ['--trace', 'bogus'],
  ['--shard=1/3', '--shard=2/3', '--workers=1', '--workers', '2'],
];

// commander's value for an option given without one: its preset (program.js), or true.
const PRESETS: Record<string, string> = { '--debug': 'inspector', '--update-snapshots': 'changed' };
const attribute = (name: string) =>
  name.replace(/^--?(no-)?/, '').replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

// What runTests would get, by playwright-argv.ts: the filters, and each option's value as commander
// stores it (the last given, a variadic option's all, --no-deps as deps: false).
function ours(args: string[]): unknown {
  if (hasOption(args, '--help') && !unknownOptionProblem(args)) return { error: 'commander.helpDisplayed' };
  if (unknownOptionProblem(args)) return { error: 'refused' };
  const filters: string[] = [];
  const opts: Record<string, unknown> = { deps: true };
  for (const token of playwrightArgv(args)) {
    if (token.kind === 'filter') filters.push(token.value);
    if (token.kind !== 'option') continue;
    const key = attribute(token.name);
    const kind = takes(token.name);
    if (token.name === '--no-deps') opts[key] = false;
    else if (kind === 'variadic')
      opts[key] = [...((opts[key] as string[] | undefined) ?? []), ...token.values];
    else if (kind === 'none') opts[key] = true;
    else opts[key] = token.values[0] ?? PRESETS[token.name] ?? true;
  }
  return { filters, opts };
}

test("playwright-argv.ts reads each command line as Playwright's own commander does", () => {
  const run = spawnSync(process.execPath, ['-e', PARSE, JSON.stringify(CASES)], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).toBe('');
  const theirs: { error?: string }[] = JSON.parse(run.stdout);
  const expected = theirs.map((parsed) =>
    parsed.error && parsed.error !== 'commander.helpDisplayed' ? { error: 'refused' } : parsed,
  );
  expect(CASES.map(ours)).toEqual(expected);
});
