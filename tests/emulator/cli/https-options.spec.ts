import { parseCli } from '../../../src/emulator/cli/args.ts';
import { CliUsageError } from '../../../src/emulator/cli/usage.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The command line of an HTTPS emulator (docs/emulator.md#https); what it serves: identity/https.spec.ts.
test("--https, MDE_EMULATOR_HTTPS or one's own certificate ask for HTTPS; a certificate without its key, or a value not true or false, is refused", async () => {
  const options = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
    const command = await parseCli(argv, env);
    if (command.kind !== 'run') throw new Error('expected a run');
    return command.options;
  };
  // The default path is public (docs/interfaces.md#emulator-https): users' NODE_EXTRA_CA_CERTS names it.
  expect(await options(['--https'])).toMatchObject({ https: true, tlsCertOut: '.emulator/tls-cert.pem' });
  expect(await options([], { MDE_EMULATOR_HTTPS: 'true' })).toMatchObject({ https: true });
  expect((await options([])).https).toBeUndefined();
  expect((await options(['--https', '--tls-cert-out', 'x.pem'])).tlsCertOut).toBe('x.pem');
  expect(await options(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'])).toMatchObject({
    https: true,
    tlsCertFile: 'c.pem',
    tlsKeyFile: 'k.pem',
  });
  await expect(parseCli(['--tls-cert', 'c.pem'], {})).rejects.toThrow(CliUsageError);
  await expect(parseCli([], { MDE_EMULATOR_HTTPS: 'yes please' })).rejects.toThrow(/MDE_EMULATOR_HTTPS/);
});
