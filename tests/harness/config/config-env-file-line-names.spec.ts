import { unassignedLines } from '../../../src/harness/config/env-file-lines.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The warning for a .env line that sets nothing names the variable the line mentions, never the line's
// text (a secret may be on it). The name was any MDE_/AZURE_/NODE_/ACTIONS_ word, in any case, printed
// in capitals: a secret on a line of its own holding ".mde_..." showed that part of it, and a secret
// typed after the name with "_" for "=" showed whole. Only a name the suite reads is named now.
test('a .env line is named by a variable the suite reads, never by a word of a secret on it', () => {
  const text = [
    'Qx8FAKE~sekrit.mde_tail9Zq',
    'MDE_CLIENT_SECRET_Qx8FAKEsekrit',
    'set MDE_BASELINE=known.yaml',
    'MDE_ROLE_ISOLATE_CLIENT_SECRET Qx8FAKE',
    'AZURE_CLIENT_SECRET Qx8FAKE',
    'NODE_EXTRA_CA_CERTS .emulator/tls-cert.pem',
  ].join('\n');
  expect(unassignedLines(text)).toEqual([
    { line: 1 },
    { line: 2 },
    { line: 3, name: 'MDE_BASELINE' },
    { line: 4, name: 'MDE_ROLE_ISOLATE_CLIENT_SECRET' },
    { line: 5, name: 'AZURE_CLIENT_SECRET' },
    { line: 6, name: 'NODE_EXTRA_CA_CERTS' },
  ]);
});
