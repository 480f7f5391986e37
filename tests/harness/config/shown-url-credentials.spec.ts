import { shownUrl } from '../../../src/harness/config/shown-url.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A configuration line shows an invalid URL without its credentials. Only a scheme followed by
// user:password@ with no "/", "?" or "#" in the password was hidden: a password holding "/" (base64
// has it), a URL pasted without its scheme or with one slash was echoed whole, password and all.
test('the credentials of a URL are hidden whatever characters the password holds', () => {
  for (const [url, shown] of [
    ['http://svc:FAKE/pw+7==@127.0.0.1:4010', 'http://***@127.0.0.1:4010'],
    ['http://svc:FAKE#pw@127.0.0.1:4010', 'http://***@127.0.0.1:4010'],
    ['http://svc:FAKE?pw@127.0.0.1:4010', 'http://***@127.0.0.1:4010'],
    ['svc:FAKEpw@127.0.0.1:4010', '***@127.0.0.1:4010'],
    ['http:/svc:FAKEpw@127.0.0.1', '***@127.0.0.1'],
    ['https://user:p@ss@api.securitycenter.microsoft.com', 'https://***@api.securitycenter.microsoft.com'],
  ])
    expect(shownUrl(url!)).toBe(shown);
});

test('a URL without credentials keeps its host and loses its query and fragment', () => {
  expect(shownUrl('http://127.0.0.1:4010/path?sig=FAKEsig')).toBe('http://127.0.0.1:4010/path?***');
  expect(shownUrl('https://api.securitycenter.microsoft.com#frag')).toBe(
    'https://api.securitycenter.microsoft.com#***',
  );
});
