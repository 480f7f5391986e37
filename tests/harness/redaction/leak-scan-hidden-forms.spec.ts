import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordIssuedSecret } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { OPAQUE, SECRET, scan, workspace } from '../../reporters/leak-scan/leak-workspace.ts';
import {
  base64,
  cutInTwo,
  hex,
  htmlDecimal,
  htmlMixed,
  htmlNamed,
  inLongText,
  jsonEveryChar,
  jsonSome,
  LONG_TOKEN,
  lastEscaped,
  mimeWrapped,
  ORDINARY,
  PASSWORD,
  urlTwice,
  utf16,
} from './hidden-forms.ts';

// The same forms (hidden-forms.ts) in an artefact: the scan after the run found each file clean.
test.afterEach(removeTempDirs);

const CLIENT_SECRET = 'the value of MDE_CLIENT_SECRET';
const AZURE_PASSWORD = 'the value of AZURE_PASSWORD';
const ISSUED = 'a token issued during the run';

const FILES: Record<string, [string, string]> = {
  'json-every-char.json': [CLIENT_SECRET, `{"echo":"${jsonEveryChar(SECRET)}"}`],
  'json-some.json': [AZURE_PASSWORD, `{"echo":"${jsonSome(PASSWORD)}"}`],
  'json-token.json': [ISSUED, `{"echo":"${jsonEveryChar(OPAQUE)}"}`],
  'html-decimal.html': [CLIENT_SECRET, `<pre>${htmlDecimal(SECRET)}</pre>`],
  'html-mixed.html': [AZURE_PASSWORD, `<pre>${htmlMixed(PASSWORD)}</pre>`],
  'html-token.html': [ISSUED, `<pre>${htmlDecimal(OPAQUE)}</pre>`],
  'html-named.html': [CLIENT_SECRET, `<pre>${htmlNamed(SECRET)}</pre>`],
  'url-twice.txt': [AZURE_PASSWORD, `/next?q=${urlTwice(PASSWORD)}`],
  'url-twice-entra.txt': [CLIENT_SECRET, `/next?q=${urlTwice(SECRET)}`],
  'base64-token.json': [ISSUED, `{"debug":"${base64(`Bearer ${OPAQUE}`)}"}`],
  'mime-secret.eml': [CLIENT_SECRET, mimeWrapped(`${'client-id-'.repeat(5)}:${SECRET}`)],
  'mime-token.eml': [ISSUED, mimeWrapped(`${'x'.repeat(40)} ${OPAQUE}`)],
  'mime-in-json.json': [ISSUED, `{"debug":${JSON.stringify(mimeWrapped(`${'x'.repeat(40)} ${OPAQUE}`))}}`],
  'cut-secret.txt': [CLIENT_SECRET, `secret: ${cutInTwo(SECRET, 10)}`],
  'cut-token.txt': [ISSUED, `token: ${cutInTwo(OPAQUE, 20)}`],
  'hex-token.json': [ISSUED, `{"debug":"${hex(`Bearer ${OPAQUE}`)}"}`],
  'hex-secret.txt': [CLIENT_SECRET, `body: ${hex(`client_secret=${SECRET}`).toUpperCase()}`],
  'path-base64-token.txt': [ISSUED, `Location: https://api.example/debug/echo/${base64(`Bearer ${OPAQUE}`)}`],
  'utf16-token.json': [ISSUED, JSON.stringify({ echo: utf16(`Bearer ${OPAQUE}`) })],
  'utf16-secret.json': [CLIENT_SECRET, JSON.stringify({ echo: utf16(`client_secret=${SECRET}`) })],
  'utf16-base64-token.json': [ISSUED, JSON.stringify({ echo: utf16(base64(`Bearer ${OPAQUE}`)) })],
  'long-text.json': [ISSUED, inLongText(lastEscaped(LONG_TOKEN))],
  'long-text-secret.json': [AZURE_PASSWORD, inLongText(jsonSome(PASSWORD))],
};

test('a secret or issued token escaped, encoded twice, base64- or hex-encoded or cut over lines is found', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  recordIssuedSecret(LONG_TOKEN, fingerprints);
  for (const [file, [, text]] of Object.entries(FILES)) writeFileSync(join(root, 'reports', file), text);
  const { findings } = scan({ root, env: { ...env, AZURE_PASSWORD: PASSWORD } });
  for (const [file, [what]] of Object.entries(FILES))
    expect(findings, file).toContainEqual({ file: `reports/${file}`, what });
});

test('escapes, entities, percent-encoding, base64 and cut lines without a secret are no finding', () => {
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(OPAQUE, fingerprints);
  for (const [i, text] of ORDINARY.entries()) writeFileSync(join(root, 'reports', `ordinary-${i}.txt`), text);
  expect(scan({ root, env: { ...env, AZURE_PASSWORD: PASSWORD } }).findings).toEqual([]);
});

// Client ids are kept out of the reports by the scrub, which replaces them as written: found in a
// decoded copy (a token endpoint quoting its form body base64-encoded), a report the suite wrote
// itself failed a clean run with exit 4.
test('a client id in a hidden form in a report is no finding; as written it is', () => {
  const { root, env } = workspace();
  const clientId = '11111111-2222-4333-8444-555555555555';
  writeFileSync(join(root, 'reports', 'hidden.json'), `{"debug":"${base64(`client_id=${clientId}&x=1`)}"}`);
  const withId = { ...env, MDE_CLIENT_ID: clientId };
  expect(scan({ root, env: withId }).findings).toEqual([]);
  writeFileSync(join(root, 'reports', 'plain.json'), `{"client":"${clientId}"}`);
  expect(scan({ root, env: withId }).findings).toEqual([
    { file: 'reports/plain.json', what: 'the value of MDE_CLIENT_ID' },
  ]);
});
