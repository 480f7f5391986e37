import { parseCli } from '../../../src/emulator/cli/args.ts';
import { expect, test } from '../../helpers/api-test.ts';

// MDE_EMULATOR_PROFILE=nosuch stopped npm run emulator with 'Unknown profile "nosuch"', naming neither
// the variable nor the flag: a user with both in play could not tell which to fix (the faults' line
// names its source). The line names where the name came from.
for (const [args, env, source] of [
  [['--profile', 'nosuch'], {}, '--profile'],
  [[], { MDE_EMULATOR_PROFILE: 'nosuch' }, 'MDE_EMULATOR_PROFILE'],
] as const) {
  test(`an unknown profile from ${source} is one line naming ${source} and the profiles`, async () => {
    await expect(parseCli([...args], { ...env })).rejects.toThrow(
      new RegExp(`^${source} names unknown profile "nosuch"; the built-in profiles are default, `),
    );
  });
}

test('a built-in profile passes, from either', async () => {
  const run = await parseCli([], { MDE_EMULATOR_PROFILE: 'strict-odata' });
  expect(run.kind === 'run' && run.options.profile).toBe('strict-odata');
});
