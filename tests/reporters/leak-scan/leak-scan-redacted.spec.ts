import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redactText } from '../../../src/harness/redaction/redact.ts';
import { recordIssuedSecret } from '../../../src/harness/redaction/secret-fingerprints.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { privateKeyPem } from '../../helpers/private-key-pem.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { OPAQUE, SECRET, scan, TOKEN, workspace, zip } from './leak-workspace.ts';

// Redaction and the leak scan agree: what redaction wrote, the scan finds nothing in.
test.afterEach(removeTempDirs);

test('a run whose secrets only went through redaction leaves no trace', () => {
  const key = privateKeyPem('leak-scan-redacted');
  const { root, fingerprints, env } = workspace();
  recordIssuedSecret(TOKEN, fingerprints);
  recordIssuedSecret(OPAQUE, fingerprints);
  recordIssuedSecret(SECRET, fingerprints);
  const written = redactText(
    `POST token client_secret=${SECRET} -> {"access_token":"${OPAQUE}"} then Bearer ${TOKEN}; key ${key}`,
  );
  writeFileSync(join(root, 'reports', 'compliance.md'), written);
  writeFileSync(join(root, 'test-results', 'trace.zip'), zip('trace.network', written));
  writeFileSync(
    join(root, 'test-results', 'attachment.json'),
    JSON.stringify(redactText(JSON.stringify({ key }))),
  );
  expect(scan({ root, env })).toEqual({ findings: [], skipped: [] });
});
