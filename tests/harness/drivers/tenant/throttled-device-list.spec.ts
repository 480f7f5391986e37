import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import type { TenantDriver } from '../../../../src/harness/drivers/tenant/tenant-driver.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, MACHINE, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';
import { lookAtRefusedReopen } from './reopen-refusal.ts';

test.afterEach(removeTempDirs);

// A tenant's quota may be shared with other callers, so the device's list may answer 429. Proved on
// the emulator with --no-control (duplicate-create 404, another operator's scan running) behind a
// proxy throttling that list: every write test read ERROR with "MDE_MACHINE_ID names no device this
// tenant knows", remembered for the run, on a configuration that was right.

function throttledList(refusal: number) {
  return (url: string, method: string): FakeAnswer =>
    method === 'GET' && new URL(url).searchParams.get('$filter')?.includes(MACHINE)
      ? {
          status: 429,
          body: { error: { code: 'TooManyRequests', message: 'x' } },
          headers: { 'retry-after': '30' },
        }
      : { status: refusal, body: { error: { code: 'NotFound', message: 'x' } } };
}

// Two tests in turn each reach no verdict for `why`, and each asks for its scan: nothing was remembered.
async function expectNoVerdictTwice(driver: TenantDriver, sent: string[], why: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const error = await driver.activeAction().catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(error.message).toContain(why);
  }
  expect(sent.filter((s) => s.startsWith('POST'))).toHaveLength(2);
  expect(takeNoVerdicts().length).toBeGreaterThan(0);
}

test('a refused scan whose device list answers 429 reaches no verdict, saying so, and is not remembered', async () => {
  const { driver, sent } = tenant(WRITES, throttledList(404));
  // Asked again: a throttled list says nothing about MDE_MACHINE_ID.
  await expectNoVerdictTwice(driver, sent, 'answered 429');
});

test("CANCEL.REOPEN's look at a shared device answered 429 reaches no verdict instead of judging the refusal", async () => {
  const { driver } = tenant(WRITES, throttledList(400));
  await expect(lookAtRefusedReopen(driver, MACHINE)).rejects.toBeInstanceOf(PreconditionError);
  expect(takeNoVerdicts()).toHaveLength(1);
});

// A 500 is a server failure worth retrying (docs/contract.md#error-codes), not an empty device: read as
// "none runs", a busy device's 404 became "MDE_MACHINE_ID names no device", remembered for the run.
test('a refused scan whose device list answers 500 reaches no verdict and is not remembered', async () => {
  const failing = (url: string, method: string): FakeAnswer =>
    method === 'GET' && new URL(url).searchParams.get('$filter')?.includes(MACHINE)
      ? { status: 500, body: { error: { code: 'InternalServerError', message: 'x' } } }
      : { status: 404, body: { error: { code: 'NotFound', message: 'x' } } };
  const { driver, sent } = tenant(WRITES, failing);
  await expectNoVerdictTwice(driver, sent, 'answered 500');
});
