import { PreconditionError } from '../../../../src/harness/drivers/precondition-error.ts';
import { ScanConfigError } from '../../../../src/harness/drivers/tenant/scan-config-error.ts';
import { NotApplicableError } from '../../../../src/harness/errors.ts';
import { expect, test } from '../../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../../helpers/temp-dir.ts';
import { type FakeAnswer, MACHINE, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';
import { lookAtRefusedReopen } from './reopen-refusal.ts';

test.afterEach(removeTempDirs);

// A tenant may page its list (docs/contract.md#list-order): the device's running action can be on a
// later page than the first. Proved on the emulator with --no-control behind a proxy that paged its
// lists two at a time: a device busy with another operator's scan, refused as a duplicate with 404,
// was reported as "MDE_MACHINE_ID names no device" and the run exited 2 instead of reading N/A.
const API = 'https://api.securitycenter.microsoft.com';
const running = { id: 'a-running', machineId: MACHINE, status: 'InProgress', requestorComment: 'an analyst' };
const ended = { ...running, id: 'old', status: 'Succeeded' };

// The device's list in two pages, the second at `next`; any other call is refused with `status`.
function pagedDevice(status: number, next = `${API}/api/machineactions?$skiptoken=2`) {
  const asked: string[] = [];
  const answer = (url: string, method: string): FakeAnswer => {
    asked.push(`${method} ${url}`);
    if (method === 'GET' && url.includes('skiptoken')) return { status: 200, body: { value: [running] } };
    if (method === 'GET' && new URL(url).searchParams.get('$filter')?.includes(MACHINE))
      return { status: 200, body: { value: [ended], '@odata.nextLink': next } };
    return { status, body: { error: { code: status === 404 ? 'NotFound' : 'BadRequest', message: 'x' } } };
  };
  return { answer, asked };
}

test('a scan refused with 404 while an action runs on a later page of the device list is N/A', async () => {
  const { answer } = pagedDevice(404);
  const { driver } = tenant(WRITES, answer);
  const error = await driver.activeAction().catch((e) => e);
  expect(error).toBeInstanceOf(NotApplicableError);
  expect(error.message).toContain('refused (404) while action a-running (InProgress) runs there');
  expect(takeNoVerdicts()).toEqual([]);
});

test("a new scan refused while another operator's action runs on a later page is N/A (CANCEL.REOPEN)", async () => {
  const { answer } = pagedDevice(400);
  const { driver } = tenant(WRITES, answer);
  await expect(lookAtRefusedReopen(driver, MACHINE)).rejects.toBeInstanceOf(NotApplicableError);
});

// Real answers name the host that served them, a scale unit among them (docs/contract.md#hosts): a
// nextLink there is not followed, so the rest of the list is unread and the device may be busy on it.
const ELSEWHERE = 'https://elsewhere.example/api/machineactions?$skiptoken=2';

test("a nextLink to another origin is not followed: the caller's token goes only to the API", async () => {
  const { answer, asked } = pagedDevice(404, ELSEWHERE);
  const { driver } = tenant(WRITES, answer);
  // Not "MDE_MACHINE_ID names no device": the device's own list has actions, and goes on unread.
  const error = await driver.activeAction().catch((e) => e);
  expect(error).toBeInstanceOf(PreconditionError);
  expect(error).not.toBeInstanceOf(ScanConfigError);
  expect(asked.filter((a) => a.includes('elsewhere'))).toEqual([]);
  expect(takeNoVerdicts()).toHaveLength(1);
});

test('a new scan refused while the device list goes on at another origin is no verdict, not judged (CANCEL.REOPEN)', async () => {
  const { answer } = pagedDevice(400, ELSEWHERE);
  const { driver } = tenant(WRITES, answer);
  await expect(lookAtRefusedReopen(driver, MACHINE)).rejects.toBeInstanceOf(PreconditionError);
  expect(takeNoVerdicts()).toHaveLength(1);
});

test('a final action behind an empty first page with a nextLink is found, not N/A', async () => {
  // OData lets a server answer an empty page that links to the next. Proved on the emulator behind a
  // proxy doing so: CANCEL.FINAL read NA ("the tenant holds no Succeeded action") instead of PASS.
  const found = { ...ended, id: 'a-succeeded' };
  const { driver } = tenant({}, (url) =>
    url.includes('skiptoken')
      ? { status: 200, body: { value: [found] } }
      : { status: 200, body: { value: [], '@odata.nextLink': `${API}/api/machineactions?$skiptoken=0` } },
  );
  expect((await driver.finalAction('Succeeded')).id).toBe('a-succeeded');
  expect((await driver.readableAction()).id).toBe('a-succeeded');
});
