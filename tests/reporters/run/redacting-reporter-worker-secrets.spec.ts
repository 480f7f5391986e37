import { join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { type InlineRun, inlineWorkspace, removeWorkspaces, runInline } from '../helpers/run-inline.ts';

const REDACTING = join(repoRoot, 'src', 'reporters', 'run', 'redacting-reporter.ts');
const FINGERPRINTS = join(repoRoot, 'src', 'harness', 'redaction', 'secret-fingerprints.ts');
// A token of no known shape (an emulator may issue opaque tokens; the harness's own emulator apps get
// secrets like it), known in the worker that was issued it and, to the runner, by its fingerprint only.
const TOKEN = 'opaque_Issued-token-4k9Zq2';
const SECRET = 'plain-configured-secret-47';

// A target that copies the token it was sent into a field the test compares: Playwright's expect()
// message quotes it, and the redacting reporter, in the runner, knew only the configured secrets and
// the shapes. And a configured secret printed in two writes: each chunk was scrubbed on its own.
const SPEC = `
import { expect, test } from '@playwright/test';
import { recordIssuedSecret } from '${FINGERPRINTS}';
test('the comment is the one sent', () => {
  recordIssuedSecret('${TOKEN}');
  const echoed = { cancellationComment: '${TOKEN}' };
  expect(echoed.cancellationComment, 'cancellationComment is the Comment sent').toBe('conformance: x');
});
test('a secret printed in two writes', () => {
  process.stdout.write('${SECRET.slice(0, 9)}');
  process.stdout.write('${SECRET.slice(9)} printed\\n');
});
`;

let runs: Record<string, Promise<InlineRun>> | undefined;
test.afterAll(() => removeWorkspaces(runs));

test("a token a worker was issued, and a secret split over two chunks, stay out of Playwright's error and the JUnit report", async () => {
  const dir = inlineWorkspace({
    'playwright.config.ts': `export default { reporter: [['${REDACTING}'], ['list'], ['junit', { outputFile: 'junit.xml' }]] };\n`,
    'echo.spec.ts': SPEC,
  });
  const run = runInline(dir, ['--workers=1'], { MDE_CLIENT_SECRET: SECRET });
  runs = { run };
  const { exitCode, output, read } = await run;
  expect(exitCode).toBe(1);
  expect(output).toContain('cancellationComment is the Comment sent');
  expect(output).not.toContain(TOKEN);
  expect(read('junit.xml')).toContain(' printed');
  expect(read('junit.xml')).not.toContain(TOKEN);
  expect(read('junit.xml')).not.toContain(SECRET);
});
