import { getRegistry } from '../../contract/requirements.ts';
import { closestId } from '../../contract/unknown-requirement.ts';
import { optionValues } from './playwright-argv.ts';

// Playwright's --grep as `npm run conformance` hands it on. A requirement tag misspelt in it
// (`--grep @CANCEL.NOTFUOND`) matched no test: Playwright said only "No tests found", and the run's
// stopped report replaced the last whole run's. A grep made only of tags (`@RATE`, `@CANCEL.OK|@must`)
// is checked here, before anything starts; any other pattern is Playwright's to match.
const LEVEL_TAGS = ['@must', '@should', '@observe'];

export function grepOptionProblem(args: readonly string[]): string | undefined {
  for (const { flag, pattern } of grepValues(args)) {
    if (pattern === undefined) continue;
    const invalid = regExpProblem(pattern);
    if (invalid)
      return `${flag} ${pattern} is not a regular expression (${invalid}); Playwright reads it as one, so write a title's ( [ * + ? as \\( \\[ \\* \\+ \\?`;
    const alternatives = pattern.split('|');
    if (!alternatives.every((alternative) => /^@[A-Za-z][\w.]*$/.test(alternative))) continue;
    const ids = getRegistry().requirements.map((requirement) => requirement.id);
    const tags = [...ids.map((id) => `@${id}`), ...LEVEL_TAGS];
    // Playwright matches the pattern anywhere in a test's title and tags, without case.
    const unknown = alternatives.find(
      (alternative) => !tags.some((tag) => new RegExp(alternative, 'i').test(tag)),
    );
    if (!unknown) continue;
    const near = closestId(unknown.slice(1), ids);
    // An inverted grep with a misspelt tag left out nothing: all the tests ran, as a partial run.
    const effect = flag === '--grep' ? 'no test would run' : 'it would leave out no test';
    return `${flag} ${unknown} names no requirement of specs/requirements.yaml, so ${effect}${near ? `; did you mean @${near}?` : ''} (docs/interfaces.md#requirement-ids lists them)`;
  }
  return undefined;
}

// Playwright compiles the pattern as below (/.../flags, or the text with flags gi) only once the run
// has started: an invalid one stopped it with a SyntaxError, after its stopped-run report had
// replaced the last run's and the last Allure report had been removed.
function regExpProblem(pattern: string): string | undefined {
  const literal = /^\/(.*)\/([gi]*)$/.exec(pattern);
  try {
    new RegExp(literal ? literal[1]! : pattern, literal ? literal[2] : 'gi');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}

// Each --grep (-g) and --grep-invert (-G) value before a bare `--` (undefined when the flag ends the
// arguments), under the flag's long name; a short one read as Playwright reads it (optionValues).
function* grepValues(
  args: readonly string[],
): Generator<{ flag: '--grep' | '--grep-invert'; pattern: string | undefined }> {
  for (const { name, value } of optionValues(args, ['--grep', '--grep-invert']))
    yield { flag: name === '--grep' || name === '-g' ? '--grep' : '--grep-invert', pattern: value };
}
