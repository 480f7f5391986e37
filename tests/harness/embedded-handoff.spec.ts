import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { type RunPlan, targetInfo } from '../../src/harness/run/run-plan.ts';
import {
  embeddedKeysForRun,
  handedKeys,
  KEYS_VARIABLE,
  startEmbeddedAhead,
} from '../fixtures/embedded-handoff.ts';
import { expect, test } from '../helpers/api-test.ts';

// The keys the embedded emulators of a run share travel from the script (or the global set-up) to the
// workers in one file: it holds a private key, so only its owner may read it, and it goes at the end.
const planOf = (...modes: ('embedded' | 'emulator')[]): RunPlan => ({
  runId: 'handoff-test',
  requestTimeoutMs: 1_000,
  testTimeoutMs: 1_000,
  exchanges: 'quiet',
  targets: modes.map((mode, i) => {
    const spec =
      mode === 'embedded' ? { mode } : { mode, apiBaseUrl: 'http://127.0.0.1:9', controlBaseUrl: undefined };
    return { name: `t${i}`, spec, info: targetInfo(spec as never) } as RunPlan['targets'][number];
  }),
});

const ownerOnly = (file: string) => (statSync(file).mode & 0o777).toString(8);

test('keys a script makes ahead reach the global set-up, readable by their owner only, and go at the end', async () => {
  const ahead = startEmbeddedAhead(planOf('embedded'));
  const file = ahead.env[KEYS_VARIABLE]!;
  const env: NodeJS.ProcessEnv = { ...ahead.env };
  const { keys, close } = await embeddedKeysForRun(planOf('embedded'), env);
  expect(keys?.signingKey.privateJwk.d).toBeTruthy();
  expect(JSON.parse(readFileSync(file, 'utf8')).signingKey.kid).toBe(keys?.signingKey.kid);
  expect(ownerOnly(file)).toBe('600');
  close();
  await ahead.close();
  expect(existsSync(file)).toBe(false);
});

test('without a script the global set-up makes the keys and hands them down itself', async () => {
  const env: NodeJS.ProcessEnv = {};
  const { keys, close } = await embeddedKeysForRun(planOf('embedded', 'emulator'), env);
  const file = env[KEYS_VARIABLE]!;
  expect(JSON.parse(readFileSync(file, 'utf8')).signingKey.kid).toBe(keys?.signingKey.kid);
  expect(ownerOnly(file)).toBe('600');
  close();
  expect(existsSync(file)).toBe(false);
});

test('a run without an embedded target makes no keys and sets nothing', async () => {
  const plan = planOf('emulator');
  expect(startEmbeddedAhead(plan).env).toEqual({});
  const env: NodeJS.ProcessEnv = {};
  expect((await embeddedKeysForRun(plan, env)).keys).toBeUndefined();
  expect(env[KEYS_VARIABLE]).toBeUndefined();
});

test('keys the script could not make stop the run with the reason', async () => {
  const file = test.info().outputPath('handoff.json');
  writeFileSync(file, JSON.stringify({ error: 'no entropy' }));
  await expect(embeddedKeysForRun(planOf('embedded'), { [KEYS_VARIABLE]: file })).rejects.toThrow(
    "The embedded emulators' keys could not be made: no entropy",
  );
});

test('a worker without handed keys says which variable is missing', () => {
  expect(() => handedKeys({})).toThrow(KEYS_VARIABLE);
});
