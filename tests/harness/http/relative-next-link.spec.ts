import { nextPage } from '../../../src/harness/http/next-page.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { takeNoVerdicts } from '../../helpers/no-verdicts.ts';
import { removeTempDirs } from '../../helpers/temp-dir.ts';
import { type FakeAnswer, tenant } from '../stand-ins/fake-tenant.ts';

test.afterEach(removeTempDirs);

// OData lets a payload's URLs be relative (OData JSON Format 4.0, section 4.3): a `@odata.nextLink`
// `machineactions?$skiptoken=2` is read against the page's context URL, or with none the URL the page
// was asked at, i.e. the API's own list (docs/contract.md#list-order). Read against the API's origin it
// named `/machineactions`, which no API serves: a tenant's look for a final action behind an empty
// first page ended without a verdict, and on an emulator paging so, CANCEL.PERSIST's test of another
// type read N/A.
const API = 'https://api.securitycenter.microsoft.com';
const CONTEXT = `${API}/api/$metadata#MachineActions`;
const found = {
  id: 'a-succeeded',
  type: 'RunAntiVirusScan',
  status: 'Succeeded',
  creationDateTimeUtc: '2026-01-01T00:00:00Z',
};

// A list whose first page is empty and links on with `link`; the second page is served only at the
// API's list path. Any other call is a 404.
function emptyFirstPage(link: string, context?: string) {
  const asked: string[] = [];
  const answer = (url: string, method: string): FakeAnswer => {
    asked.push(`${method} ${url}`);
    const { pathname, searchParams } = new URL(url);
    if (method !== 'GET' || pathname !== '/api/machineactions')
      return { status: 404, body: { error: { code: 'NotFound', message: 'x' } } };
    if (searchParams.has('$skiptoken')) return { status: 200, body: { value: [found] } };
    return {
      status: 200,
      body: { ...(context ? { '@odata.context': context } : {}), value: [], '@odata.nextLink': link },
    };
  };
  return { answer, asked };
}

for (const [what, context] of [
  ['its context URL', CONTEXT],
  ['the request URL, with no context', undefined],
] as const) {
  test(`a relative nextLink is read against ${what}: the final action behind it is found`, async () => {
    const { answer, asked } = emptyFirstPage('machineactions?$skiptoken=2', context);
    const { driver } = tenant({}, answer);
    expect((await driver.finalAction('Succeeded')).id).toBe('a-succeeded');
    expect(asked.filter((a) => a.includes('$skiptoken'))).toEqual([
      `GET ${API}/api/machineactions?$skiptoken=2`,
    ]);
    expect(takeNoVerdicts()).toEqual([]);
  });
}

test('nextPage reads a relative link as OData does, and follows it on the API origin only', () => {
  const request = `${API}/api/machineactions?$filter=status%20eq%20'Succeeded'&$top=1`;
  const page = (link: string, context?: string) => ({
    ...(context !== undefined ? { '@odata.context': context } : {}),
    '@odata.nextLink': link,
  });
  // Against the context URL, whose last segment is $metadata: the list beside it.
  expect(nextPage(page('machineactions?$skip=1', CONTEXT), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  // A versioned list with no context: beside the request's own path.
  expect(nextPage(page('machineactions?$skip=1'), API, `${API}/api/v1.0/machineactions?$top=1`)).toBe(
    `${API}/api/v1.0/machineactions?$skip=1`,
  );
  // An absolute path, and an absolute URL, as before.
  expect(nextPage(page('/api/machineactions?$skip=1', CONTEXT), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  expect(nextPage(page(`${API}/api/machineactions?$skip=1`), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  // A context that is no URL is no base; one on another host (a scale unit's, as responses may name)
  // gives its path, read on the origin the page was asked at: the pages are read, and the caller's
  // token still goes nowhere else. An absolute link to another host is still not followed.
  expect(nextPage(page('machineactions?$skip=1', 'MachineActions'), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  const scaleUnit = 'https://api-us3.securitycenter.microsoft.com/api/$metadata#MachineActions';
  expect(nextPage(page('machineactions?$skip=1', scaleUnit), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  expect(nextPage(page('/api/machineactions?$skip=1', scaleUnit), API, request)).toBe(
    `${API}/api/machineactions?$skip=1`,
  );
  expect(
    nextPage(page('https://api-us3.securitycenter.microsoft.com/api/machineactions?$skip=1'), API, request),
  ).toBeUndefined();
});
