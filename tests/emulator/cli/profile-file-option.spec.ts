import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from '../../../src/emulator/cli/args.ts';
import { buildApp, EmulatorOptionsError } from '../../../src/emulator/index.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { testKeys } from '../test-keys.ts';

let dir: string;
test.beforeEach(() => {
  dir = tempDir('emulator-profiles-');
});
test.afterEach(removeTempDirs);

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function refusal(profileFile: string): Promise<string> {
  const error = await buildApp({ profileFile }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmulatorOptionsError);
  return (error as Error).message;
}

test.describe('--profile-file', () => {
  test('the flag and MDE_EMULATOR_PROFILE_FILE map onto profileFile; the flag wins', async () => {
    const run = async (argv: string[], env: NodeJS.ProcessEnv) => {
      const command = await parseCli(argv, env);
      return command.kind === 'run' ? command.options : undefined;
    };
    expect((await run(['--profile-file', 'a.json'], {}))?.profileFile).toBe('a.json');
    expect((await run([], { MDE_EMULATOR_PROFILE_FILE: 'b.json' }))?.profileFile).toBe('b.json');
    expect(
      (await run(['--profile-file', 'a.json'], { MDE_EMULATOR_PROFILE_FILE: 'b.json' }))?.profileFile,
    ).toBe('a.json');
  });

  test('a bad reading is one line naming the file, the point and what is wrong', async () => {
    const path = file('bad-status.json', {
      profileVersion: 1,
      points: { 'unknown-id': { reading: { status: 410, code: 'Gone' } } },
    });
    const message = await refusal(path);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(path);
    expect(message).toContain('point unknown-id');
    expect(message).toContain('410');
  });

  // A 429 is throttling, which must carry Retry-After: an emulator answering it as a refusal would not.
  test('a refusal reading of 429 is refused, naming the point', async () => {
    const path = file('throttled.json', {
      profileVersion: 1,
      points: { 'final-state-cancel': { reading: { status: 429, code: 'TooManyRequests' } } },
    });
    const message = await refusal(path);
    expect(message).toContain('point final-state-cancel reading.status');
    expect(message).toContain('got 429');
  });

  test('an unknown point is refused, never ignored', async () => {
    const path = file('unknown-point.json', { profileVersion: 1, points: { 'retry-after': { reading: 5 } } });
    const message = await refusal(path);
    expect(
      message.startsWith(`${path}: "retry-after" is not an open point; known points: final-state-cancel, `),
    ).toBe(true);
    expect(message.split('\n')).toHaveLength(1);
  });

  test('a file that is missing or not JSON is one line naming it', async () => {
    expect(await refusal(join(dir, 'nowhere.json'))).toMatch(
      /nowhere\.json: cannot read the profile file: it does not exist; check the path$/,
    );
    expect(await refusal(file('broken.json', '{"profileVersion": 1,'))).toMatch(
      /broken\.json: not valid JSON/,
    );
  });

  test('the file is read over --profile: its points win, the rest stay the named profile', async () => {
    const path = file('over-strict.json', {
      profileVersion: 1,
      name: 'my-tenant',
      points: { 'unknown-id': { reading: { status: 404, code: 'NotFound' } } },
    });
    // Saved as Windows editors save UTF-8: with a byte-order mark, which is not part of the JSON.
    writeFileSync(path, `\uFEFF${readFileSync(path, 'utf8')}`);
    const app = await buildApp({ profile: 'strict-odata', profileFile: path }, await testKeys());
    const info = (await app.inject({ method: 'GET', url: '/_emulator/info' })).json();
    expect(info).toMatchObject({ profile: 'my-tenant', profileFile: path });
    expect(info.readings['unknown-id']).toEqual({ status: 404, code: 'NotFound' });
    expect(info.readings['malformed-id']).toEqual({ status: 400, code: 'InvalidInput' });
    await app.close();
  });
});
