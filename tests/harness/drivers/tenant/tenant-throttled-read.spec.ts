import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// A tenant that answers 429 while the suite waits for something to show has asked it to wait: reading
// on through the settle schedule sent six more GETs inside the Retry-After, and the line then blamed
// replication for what was throttling. It is asked once more, after the Retry-After (tenant-throttled-reads.ts).
test('a GET answered 429 while a new scan is awaited ends the wait, and the line names the quota', async () => {
  const id = 'aaaaaaaa-0000-4000-8000-000000000001';
  const { driver, sent, clock } = tenant(WRITES, (url, method) => {
    if (method === 'POST' && url.endsWith('/runAntiVirusScan')) return scan(id);
    if (method === 'GET' && url.endsWith(id))
      return {
        status: 429,
        body: { error: { code: 'TooManyRequests', message: 'm' } },
        headers: { 'retry-after': '48' },
      };
    return { status: 404, body: {} };
  });
  const error = await driver.activeAction().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionError);
  expect((error as Error).message).toContain('answered 429');
  expect(sent.filter((line) => line === `GET /api/machineactions/${id}`)).toHaveLength(2);
  expect(clock.slept).toContain(48_000);
});
