import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV_SCHEMA } from '../../../src/harness/config/env-schema.ts';
import { loadConfig, readEnv } from '../../../src/harness/config/load-config.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { file, problems } from './config-env.ts';

test.afterEach(removeTempDirs);

test.describe('configuration', () => {
  test('nothing set means the embedded emulator', () => {
    const config = loadConfig({});
    expect(config.target).toEqual({ mode: 'embedded' });
    expect(config.runId).toMatch(/^run-\d{8}T\d{6}-[0-9a-f]{6}$/);
    expect(config).toMatchObject({ requestTimeoutMs: 10_000, testTimeoutMs: 30_000 });
  });

  test('an unknown MDE_TARGET names the variable, the choices and the value', () => {
    expect(problems({ MDE_TARGET: 'prod' })).toEqual([
      'ConfigError: MDE_TARGET must be one of embedded, emulator, tenant (got "prod")',
    ]);
  });

  test('every problem is reported, one line each', () => {
    const lines = problems({
      MDE_TARGET: 'tenant',
      MDE_QUOTA_SHARE: '2',
      MDE_ALLOW_WRITES: 'yes',
      MDE_RUN_ID: 'a b',
    });
    const variables = ['MDE_QUOTA_SHARE', 'MDE_ALLOW_WRITES', 'MDE_RUN_ID', 'MDE_TENANT_ID', 'MDE_CLIENT_ID'];
    expect(lines.map((l) => l.split(' ')[1])).toEqual(
      expect.arrayContaining([...variables, 'MDE_CLIENT_SECRET']),
    );
    expect(lines).toHaveLength(6);
    expect(lines).toContain('ConfigError: MDE_QUOTA_SHARE must be a number above 0 and at most 1 (got "2")');
    expect(lines).toContain('ConfigError: MDE_ALLOW_WRITES must be true or false (got "yes")');
  });

  test('embedded with MDE_API_BASE_URL is refused, since it would ignore the URL', () => {
    expect(problems({ MDE_API_BASE_URL: 'http://127.0.0.1:4010' })[0]).toContain(
      'MDE_API_BASE_URL is set but MDE_TARGET is embedded',
    );
  });

  test('emulator mode takes any http(s) origin and derives the others from it', () => {
    const { target } = loadConfig({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'http://emu.test:4010/' });
    expect(target).toEqual({
      mode: 'emulator',
      apiBaseUrl: 'http://emu.test:4010',
      authBaseUrl: 'http://emu.test:4010',
      controlBaseUrl: 'http://emu.test:4010',
    });
  });

  test('URLs must be http(s) origins', () => {
    for (const [url, hint] of [
      ['ftp://x', ''],
      ['http://x/api', ': set MDE_API_BASE_URL=http://x; the suite adds /api/... itself'],
      ['not a url', ''],
      ['http://a:b:c', ''],
    ])
      expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: url })).toEqual([
        `ConfigError: MDE_API_BASE_URL must be an http or https origin without path, query or credentials, such as https://api.securitycenter.microsoft.com or http://127.0.0.1:4010 (got "${url}"${hint})`,
      ]);
  });

  // The example beside a wrong value is one of its kind: the control protocol is never Microsoft's.
  test("a bad control URL is shown beside an emulator's origin, not Microsoft's", () => {
    expect(
      problems({
        MDE_TARGET: 'emulator',
        MDE_API_BASE_URL: 'http://127.0.0.1:4010',
        MDE_CONTROL_BASE_URL: '127.0.0.1:4011',
      }),
    ).toEqual([
      'ConfigError: MDE_CONTROL_BASE_URL must be an http or https origin without path, query or credentials, such as http://127.0.0.1:4010 (got "127.0.0.1:4011": set MDE_CONTROL_BASE_URL=http://127.0.0.1:4011)',
    ]);
  });

  test('a bad URL is echoed without its credentials, query or fragment', () => {
    const cases = [
      ['http://admin:S3cretPassw0rd@127.0.0.1:4010', 'http://***@127.0.0.1:4010'],
      [
        'https://api.securitycenter.microsoft.com/?sig=S3cretSig',
        'https://api.securitycenter.microsoft.com/?***',
      ],
      ['http://127.0.0.1:4010#token=S3cret', 'http://127.0.0.1:4010#***'],
    ];
    for (const [url, shown] of cases)
      for (const name of ['MDE_API_BASE_URL', 'MDE_AUTH_BASE_URL', 'MDE_CONTROL_BASE_URL'])
        expect(problems({ MDE_TARGET: 'emulator', [name]: url }).join('\n')).toContain(`(got "${shown}")`);
  });

  test('an origin whose port is out of range says so', () => {
    expect(problems({ MDE_TARGET: 'emulator', MDE_API_BASE_URL: 'http://127.0.0.1:99999' })).toEqual([
      'ConfigError: MDE_API_BASE_URL is not a valid origin: port 99999 is above 65535 (got "http://127.0.0.1:99999")',
    ]);
  });

  test('the embedded target takes HTTPS, faults and a profile file the contract accepts', () => {
    const good = file('profile.json', JSON.stringify({ profileVersion: 1, points: {} }));
    expect(
      loadConfig({
        MDE_EMULATOR_HTTPS: 'true',
        MDE_EMULATOR_PROFILE_FILE: good,
        MDE_EMULATOR_FAULTS: 'a-b, c',
      }).target,
    ).toEqual({ mode: 'embedded', https: true, profileFile: good, faults: ['a-b', 'c'] });
    expect(problems({ MDE_EMULATOR_HTTPS: 'yes' })[0]).toContain('MDE_EMULATOR_HTTPS must be true or false');
    const bad = file('bad.json', '{"profileVersion":1,"points":{"unknown-id":{"reading":{"status":200}}}}');
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: bad })).toEqual([
      expect.stringMatching(
        /^ConfigError: MDE_EMULATOR_PROFILE_FILE is not a valid profile: .*point unknown-id/,
      ),
    ]);
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: file('p.json', '{') })[0]).toContain('is not valid JSON');
    // A byte-order mark (Windows editors write one) is not part of the JSON.
    const bom = file('bom.json', '\uFEFF{"profileVersion":1,"points":{}}');
    expect(loadConfig({ MDE_EMULATOR_PROFILE_FILE: bom }).target).toMatchObject({ profileFile: bom });
    expect(problems({ MDE_EMULATOR_PROFILE_FILE: join(tempDir('config-'), 'none.json') })[0]).toContain(
      'does not exist',
    );
  });

  test('.env is read, and the environment wins over it', () => {
    const cwd = tempDir('dotenv-');
    writeFileSync(
      join(cwd, '.env'),
      'MDE_TARGET=emulator\nMDE_API_BASE_URL=http://from-file:1\nMDE_QUOTA_SHARE=0.25\n',
    );
    const env = readEnv(cwd, { MDE_API_BASE_URL: 'http://from-env:2' });
    expect(env).toMatchObject({
      MDE_TARGET: 'emulator',
      MDE_API_BASE_URL: 'http://from-env:2',
      MDE_QUOTA_SHARE: '0.25',
    });
    expect(loadConfig(env).target).toMatchObject({ mode: 'emulator', apiBaseUrl: 'http://from-env:2' });
  });

  test('.env.example documents every variable of the schema', () => {
    const example = readFileSync('.env.example', 'utf8');
    const names = [...Object.keys(ENV_SCHEMA.properties), 'MDE_ROLE_ISOLATE_CLIENT_CERTIFICATE_PATH'];
    expect(names.filter((name) => !new RegExp(`\\b${name}\\b`).test(example))).toEqual([]);
  });
});
