import { expect, test } from '../../helpers/api-test.ts';
import { problems, TENANT } from './config-env.ts';

const GUID = '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01';

// Two forms a walk copied from elsewhere, each told "got N characters, not shown: it may be a secret
// in the wrong variable", which named nothing to fix: an id in braces (as PowerShell's [guid] and the
// registry write it), and `common`, the multi-tenant authority of a user sign-in sample, which a
// client-credentials sign-in cannot use. The id is still never shown.
test('an id in braces says to leave them out, for the tenant and each client id', () => {
  for (const name of ['MDE_TENANT_ID', 'MDE_CLIENT_ID', 'MDE_ROLE_SCAN_CLIENT_ID']) {
    const line = problems({ ...TENANT, [name]: `{${GUID}}` }).join('\n');
    expect(line).toContain(`${name} must be`);
    expect(line).toContain('(got an id in braces, not shown: leave the braces out)');
    expect(line).not.toContain(GUID.slice(0, 8));
  }
});

test('common, organizations and consumers are named as no tenant, with where its id is', () => {
  for (const value of ['common', 'organizations', 'Consumers']) {
    const line = problems({ ...TENANT, MDE_TENANT_ID: value })[0];
    expect(line).toContain(
      `(got "${value}", which names no tenant but a multi-tenant authority; an app signs in to its own tenant: the Directory (tenant) ID on the app registration's overview page)`,
    );
  }
});

// A walk pasted the authority URL (and the OpenID configuration's) into MDE_TENANT_ID and read "got 70
// characters, not shown: it may be a secret", with nothing to fix. Still nothing of it is shown.
test('a URL with the tenant id in its path says to set the id alone', () => {
  for (const value of [
    `https://login.microsoftonline.com/${GUID}`,
    `https://login.microsoftonline.com/${GUID}/v2.0/.well-known/openid-configuration`,
    `https://127.0.0.1:4443/${GUID}/oauth2/v2.0/token`,
  ]) {
    const line = problems({ ...TENANT, MDE_TENANT_ID: value })[0]!;
    expect(line).toContain(
      "(got a URL, not the id: set the GUID in its path alone; an authority other than Microsoft's goes in MDE_AUTH_BASE_URL)",
    );
    expect(line).not.toContain(GUID.slice(0, 8));
  }
});

// A walk copied the id with the slash after it (from the authority's path, `.../{tenant}/`) and read
// "got 37 characters, not shown: it may be a secret in the wrong variable". The punctuation is named
// (it is no secret), the id still is not.
test('an id with a slash or other punctuation around it says which characters to leave out', () => {
  for (const [value, extra] of [
    [`${GUID}/`, '"/"'],
    [`/${GUID}`, '"/"'],
    [`${GUID};`, '";"'],
    [`${GUID},`, '","'],
  ] as const) {
    const line = problems({ ...TENANT, MDE_TENANT_ID: value })[0]!;
    expect(line).toContain(`(got an id with ${extra} beside it, not shown: leave the ${extra} out)`);
    expect(line).not.toContain(GUID.slice(0, 8));
  }
  const client = problems({ ...TENANT, MDE_CLIENT_ID: `${GUID}/` }).join('\n');
  expect(client).toContain('MDE_CLIENT_ID must be');
  expect(client).toContain('(got an id with "/" beside it, not shown: leave the "/" out)');
});

// A walk's tenant id without its dashes, and one a character short, each read "got 32 (35) characters,
// not shown: it may be a secret in the wrong variable". Only hexadecimal digits and dashes: no secret
// is so shaped, and what is wrong with it can be said without a digit of it.
test('an id without its dashes, or a character short, says so without showing it', () => {
  for (const name of ['MDE_TENANT_ID', 'MDE_CLIENT_ID']) {
    const bare = problems({ ...TENANT, [name]: GUID.replace(/-/g, '') }).join('\n');
    expect(bare).toContain(`${name} must be`);
    expect(bare).toContain("(got 32 hexadecimal digits without a GUID's dashes, not shown");
    const short = problems({ ...TENANT, [name]: GUID.slice(0, -1) }).join('\n');
    expect(short).toContain(
      "(got an id whose groups are 8-4-4-4-11 characters long, not shown, where a GUID's are 8-4-4-4-12",
    );
    for (const line of [bare, short]) {
      expect(line).not.toContain('may be a secret');
      expect(line).not.toContain(GUID.slice(0, 8));
    }
  }
});
