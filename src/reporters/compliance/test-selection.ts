// How the run's command line narrowed the tests it selected: --grep, --grep-invert, files, --last-failed,
// --only-changed, a test list. Playwright hands reporters only the tests it kept, so a run that kept one
// of CANCEL.FINAL's three tests reported "PASS 1/1" under a "Conforming" headline, as if whole: its
// verdicts rest only on what was selected, and the reports say so (compliance-report.ts, headline.ts).
// --project is not counted: a target whose project is left out has no test, which notRun says already.

// Playwright's options (node_modules/playwright/lib/program.js) that narrow the selection, and those
// whose value follows them, so that a value is not taken for a file filter.
const NARROWING = new Set([
  '-g',
  '--grep',
  '-G',
  '--grep-invert',
  '--last-failed',
  '--only-changed',
  '--test-list',
  '--test-list-invert',
]);
const VALUED = new Set([
  '-c',
  '--config',
  '-g',
  '--grep',
  '-G',
  '--grep-invert',
  '--add-reporter',
  '--browser',
  '--global-timeout',
  '--last-failed-file',
  '--max-failures',
  '--output',
  '--repeat-each',
  '--reporter',
  '--retries',
  '--run-agents',
  '--shard',
  '--test-list',
  '--test-list-invert',
  '--timeout',
  '--trace',
  '--tsconfig',
  '--ui-host',
  '--ui-port',
  '--update-source-method',
  '-j',
  '--workers',
]);
// Options whose value is optional: it follows only when it has this shape (commander takes any argument
// without a dash, and refuses one outside an option's choices).
const OPTIONAL_VALUE: Record<string, RegExp> = {
  '--only-changed': /^[^-]/,
  '--shuffle': /^[^-]/,
  '--debug': /^(inspector|cli)$/,
  '-u': /^(all|changed|missing|none|default)$/,
  '--update-snapshots': /^(all|changed|missing|none|default)$/,
};

// One entry per narrowing option or file filter, as given ("--grep-invert Failed", "tests/x.spec.ts").
// argv is the runner's: [node, cli.js, 'test', ...options].
export function testSelection(argv: readonly string[] = process.argv): string[] {
  const start = argv.indexOf('test', 1);
  if (start < 0) return [];
  const said: string[] = [];
  const args = argv.slice(start + 1);
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      said.push(...args.slice(i + 1));
      break;
    }
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? splitOnce(arg) : (shortWithValue(arg) ?? [arg, undefined]);
    if (!name.startsWith('-')) {
      said.push(name);
      continue;
    }
    let value = inline;
    const optional = OPTIONAL_VALUE[name];
    const takes = VALUED.has(name) || optional?.test(args[i + 1] ?? '');
    if (value === undefined && takes) {
      i += 1;
      value = args[i];
    }
    if (name === '--project') {
      // Its names run to the next option (commander's variadic value), unless one was joined with `=`.
      if (inline === undefined) while (i + 1 < args.length && !args[i + 1]!.startsWith('-')) i += 1;
      continue;
    }
    if (NARROWING.has(name)) said.push(value === undefined ? name : `${name} ${value}`);
  }
  return said;
}

// A short option after short flags in one argument, or with its value joined, as commander reads it
// (`-xG`, `-g@RATE`, `-xj2`): the option and its value (undefined when none is joined).
function shortWithValue(arg: string): [string, string | undefined] | undefined {
  const short = /^-[xh]*([gGjcu])(.*)$/s.exec(arg);
  return short ? [`-${short[1]}`, short[2] || undefined] : undefined;
}

function splitOnce(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
