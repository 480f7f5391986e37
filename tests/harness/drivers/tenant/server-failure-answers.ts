import { type FakeAnswer, scan, tenant, WRITES } from '../../stand-ins/fake-tenant.ts';

export { MACHINE, WRITES } from '../../stand-ins/fake-tenant.ts';

// Tenant answers for the server-failure specs: passing 500s, a 404 envelope, and a device whose cancels
// a test decides.
export const envelope = (code: string) => ({ error: { code, message: 'm', target: 'x' } });
export const FAILURE: FakeAnswer = { status: 500, body: envelope('InternalServerError') };
export const NOT_FOUND: FakeAnswer = { status: 404, body: envelope('NotFound') };
export const isCancel = (url: string, method: string) => method === 'POST' && url.endsWith('/cancel');
export const isGet = (_url: string, method: string) => method === 'GET';

// The first `failures` calls that `fails` picks meet `failure`; every other call gets `then`'s answer.
export function flaky(
  fails: (url: string, method: string) => boolean,
  then: (url: string, method: string) => FakeAnswer,
  failures = 1,
  failure = FAILURE,
) {
  let left = failures;
  return (url: string, method: string): FakeAnswer => {
    if (left > 0 && fails(url, method)) {
      left -= 1;
      return failure;
    }
    return then(url, method);
  };
}

// One device whose scans read back Pending; `answer` decides the cancels.
export function device(cancel: (url: string) => FakeAnswer) {
  const id = 'aaaaaaaa-0000-4000-8000-000000000001';
  return tenant(WRITES, (url, method) => {
    if (url.endsWith('/runAntiVirusScan')) return scan(id);
    if (method === 'POST') return cancel(url);
    return scan(id, undefined, 200);
  });
}
