import { parseCli } from '../../../src/emulator/cli/args.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';

test.describe('command line', () => {
  // An EC key's body kept on one line without its BEGIN line (184 characters) was echoed whole as the
  // file that could not be read; a short test token too.
  test('a key body or a token on one line given to a file flag is one line that shows none of it', async () => {
    const body = privateKeyPem('emulator-flag-body')
      .split('\n')
      .filter((line) => line && !line.startsWith('-----'))
      .join('')
      .slice(0, 184);
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    for (const value of [body, token])
      await expect(parseCli(['--tls-cert', 'c.pem', '--tls-key', value], {})).rejects.toThrow(
        `--tls-key holds ${value.length} characters of text, not the path of a file`,
      );
  });

  // A CI secret set straight into a file flag: its length, never its text (the emulator has no redactor).
  test('a PEM or JSON text given to a file flag is one line that shows none of it', async () => {
    const key = privateKeyPem('emulator-flag');
    await expect(parseCli(['--tls-cert', 'c.pem', '--tls-key', key], {})).rejects.toThrow(
      `--tls-key holds ${key.length} characters of text, not the path of a file (not shown: it may be a key, a token or a secret); write the text to a file and name that file.`,
    );
    const seed = '{"apps": [{"clientSecret": "seed-secret-value"}]}';
    for (const argv of [['--seed', seed], [`--seed=${seed}`]])
      await expect(parseCli(argv, {})).rejects.toThrow(
        `--seed holds ${seed.length} characters of text, not the path of a file`,
      );
    await expect(parseCli([], { MDE_EMULATOR_PROFILE_FILE: key })).rejects.toThrow(
      /^MDE_EMULATOR_PROFILE_FILE holds/,
    );
  });
});
