import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { RUN, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

const NEW = 'eeeeeeee-0000-4000-8000-000000000021';

// The scan page documents 201; some of Microsoft's pages show 200 for a new action. A 200 was read as
// the action already running answered again, and every cancel test of such a tenant read N/A. A scan
// that carries this very call's Comment was started by it, whichever of the two it is answered with.
test('a scan answered 200 with the Comment this call sent is the new action to cancel', async () => {
  let sentComment = '';
  const { driver, state } = tenant(WRITES, (url, method, text) => {
    if (method === 'POST' && url.endsWith('/runAntiVirusScan')) {
      sentComment = JSON.parse(text ?? '{}').Comment;
      return scan(NEW, sentComment, 200);
    }
    if (method === 'GET' && url.endsWith(`/machineactions/${NEW}`)) return scan(NEW, sentComment, 200);
    return { status: 404, body: {} };
  });
  expect((await driver.activeAction()).id).toBe(NEW);
  expect(state.created.has(NEW)).toBe(true);
  expect(sentComment.startsWith(`mde-conformance ${RUN}:`)).toBe(true);
});

test("a scan answered 200 with another of the run's Comments is still the running one, not new", async () => {
  // The scan and every GET answer the run's action of an earlier call (another nonce).
  const { driver } = tenant(WRITES, () =>
    scan(NEW, `mde-conformance ${RUN}: quick scan to cancel 0000`, 200),
  );
  await expect(driver.activeAction()).rejects.toThrow(/answered 200 with action .*, which is still running/);
});
