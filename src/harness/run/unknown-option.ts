import { closestId } from '../../contract/unknown-requirement.ts';
import { playwrightArgv } from './playwright-argv.ts';
import { PLAYWRIGHT_CHOICES, PLAYWRIGHT_TEST_OPTIONS, takes } from './playwright-options.ts';

// The first option of `args` Playwright would refuse, said with the one most likely meant: one it does
// not know, a flag given a value, a value missing or outside the option's choices. What each option
// takes, and how the arguments split into options, values and filters: playwright-argv.ts.
// Commander gathers the options it does not know and, before refusing the first, shows its help if
// `-h` or `--help` is among them: `--gerp x --help` prints the help, as `--help` alone does. A missing
// value or one outside the choices it refuses as it reads them, help or not.
export function unknownOptionProblem(args: readonly string[]): string | undefined {
  const tokens = playwrightArgv(args);
  const help = tokens.some((token) => token.kind === 'option' && token.name === '--help' && !token.inline);
  for (const token of tokens) {
    if (token.kind === 'filter') continue;
    if (token.kind === 'unknown') {
      if (help) continue;
      return unknown(token.written);
    }
    const { name, values, inline } = token;
    const value = takes(name);
    // Commander takes `--flag=value` only for an option with a value: a flag's is an unknown option.
    if (inline && value === 'none' && !help)
      return `${name} takes no value (got ${args[token.at]}): give it alone, or leave it out (npm run conformance -- --help)`;
    if (value === 'required' && values.length === 0)
      return `${name} needs a value (npm run conformance -- --help)`;
    const choices = PLAYWRIGHT_CHOICES[name];
    const given = values[0];
    if (choices && given !== undefined && !choices.includes(given))
      return `${name} ${given}: give one of ${choices.join(', ')}`;
  }
  return undefined;
}

function unknown(name: string): string {
  const near = name.startsWith('--') ? closestId(name, Object.keys(PLAYWRIGHT_TEST_OPTIONS)) : undefined;
  return `${name} is no option of Playwright's test runner${near ? `; did you mean ${near}?` : ''} (npm run conformance -- --help lists them; a test's title or file goes without a dash)`;
}
