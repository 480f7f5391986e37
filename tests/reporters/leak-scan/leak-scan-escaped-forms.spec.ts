import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText, registerSecret } from '../../../src/harness/redaction/redact.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { scan, workspace } from './leak-workspace.ts';

// A secret is written escaped where the writer escapes: junit.xml (Playwright's reporter) and HTML turn
// & ' " < > into entities, many JSON writers (PHP's, Jackson's with its option on) write "/" as "\/",
// and a server may percent-encode in lower case. A password of AZURE_PASSWORD or a secret of the older
// base64 kind holds such characters; the scan and the redaction looked for none of these forms.
test.afterEach(removeTempDirs);

const SECRET = 'older/Secret+With&Quote\'And"Marks<9>';

const FORMS: Record<string, string> = {
  // Written out by hand, as XML and HTML writers escape SECRET: the scan's own escaping is what is tested.
  'junit.xml': '<failure message="answered older/Secret+With&amp;Quote&apos;And&quot;Marks&lt;9&gt;"/>',
  'page.html': '<p>older/Secret+With&amp;Quote&#39;And&quot;Marks&lt;9&gt;</p>',
  'solidus.json': `{"echo":${JSON.stringify(SECRET).replace(/\//g, '\\/')}}`,
  'lower.txt': encodeURIComponent(SECRET).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  'lower-form.txt': new URLSearchParams([['s', SECRET]])
    .toString()
    .slice(2)
    .replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
};

for (const [file, text] of Object.entries(FORMS)) {
  test(`a configured secret written escaped (${file}) is found by the scan and redacted`, () => {
    const { root, env } = workspace();
    writeFileSync(join(root, 'reports', file), text);
    const { findings } = scan({ root, env: { ...env, MDE_CLIENT_SECRET: SECRET } });
    expect(findings).toEqual([{ file: `reports/${file}`, what: 'the value of MDE_CLIENT_SECRET' }]);
    registerSecret(SECRET);
    expect(redactText(text)).toContain('[REDACTED]');
  });
}
