import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { namedPipe } from '../../helpers/named-pipe.ts';
import { runScriptWith } from '../../helpers/script-env.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A variable naming a named pipe nobody writes (mkfifo; bash's <(...) once read) or a device: the run
// blocked in its configuration check for ever, printing nothing. Each is one ConfigError line naming
// the variable and what the path is, exit 2, at once; the leak scan passes over such a file.
const TENANT = {
  MDE_TARGET: 'tenant',
  MDE_TENANT_ID: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  MDE_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  MDE_API_BASE_URL: 'http://127.0.0.1:9',
};

const fifo = () => namedPipe('harness-fifo-');

const script = runScriptWith;

test.describe('configured files that are no regular file', () => {
  test.skip(process.platform === 'win32', 'mkfifo and /dev/zero are POSIX');

  for (const [variable, env] of [
    ['MDE_CLIENT_CERTIFICATE_PATH', TENANT],
    ['MDE_FEDERATED_TOKEN_FILE', TENANT],
    ['MDE_EMULATOR_PROFILE_FILE', {}],
  ] as const)
    test(`${variable} naming a named pipe is one line and exit 2, without waiting for a writer`, () => {
      const path = fifo();
      const run = script('conformance.ts', { ...env, [variable]: path });
      expect(run.signal).toBeNull();
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(`^ConfigError: ${variable} .*${path}.*a named pipe \\(FIFO\\), not a regular file`),
        ),
      ]);
      expect(run.status).toBe(2);
    });

  test('MDE_CLIENT_CERTIFICATE_PATH=/dev/zero is refused as a device, not read without end', () => {
    const run = script('conformance.ts', { ...TENANT, MDE_CLIENT_CERTIFICATE_PATH: '/dev/zero' });
    expect(run.signal).toBeNull();
    expect(run.stderr).toMatch(
      /^ConfigError: MDE_CLIENT_CERTIFICATE_PATH .*\/dev\/zero.*a device, not a regular file/,
    );
    expect(run.status).toBe(2);
  });

  test('the leak scan passes over a configured key file that is a named pipe', () => {
    const run = script('leak-scan.ts', { MDE_CLIENT_CERTIFICATE_PATH: fifo() }, [tempDir('harness-scan-')]);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  });

  test('a .env that is a named pipe is one ConfigError line, not a wait for a writer', () => {
    const dir = tempDir('harness-env-fifo-');
    execFileSync('mkfifo', [join(dir, '.env')]);
    const module = pathToFileURL(join(repoRoot, 'src/harness/config/read-env.ts')).href;
    const code = `import { readEnvFile } from '${module}';
try { readEnvFile(${JSON.stringify(dir)}); } catch (error) { console.error(error.lines().join('\\n')); }`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.signal).toBeNull();
    expect(run.stderr.trim()).toMatch(/^ConfigError: \.env .*a named pipe \(FIFO\), not a regular file/);
  });
});

// A wrong file named, gigabytes long (sparse here: it takes no disk): the certificate's line said
// "cannot be read (ERR_STRING_TOO_LONG); check its permissions", and a token file stopped the run with
// "RangeError: Invalid string length". Refused by its size, before it is read.
test('a configured file gigabytes long is refused by its size, naming the variable', () => {
  const path = join(tempDir('harness-huge-'), 'app.pem');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 3 * 1024 ** 3);
  closeSync(fd);
  for (const variable of ['MDE_CLIENT_CERTIFICATE_PATH', 'MDE_FEDERATED_TOKEN_FILE']) {
    const run = script('conformance.ts', { ...TENANT, [variable]: path });
    expect(run.stderr.trim().split('\n')).toEqual([
      `ConfigError: ${variable} names ${path}: it is 3072.0 MB, more than such a file ever holds (at most 16.0 MB); check that the path names the right file`,
    ]);
    expect(run.status).toBe(2);
  }
});
