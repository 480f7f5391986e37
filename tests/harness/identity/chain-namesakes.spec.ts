import { unreadNamesakesNote } from '../../../src/harness/identity/chain-namesakes.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A walk set MDE_TENANT_ID with AZURE_CLIENT_ID and AZURE_CLIENT_SECRET and chose MDE_CREDENTIAL=default:
// the chain found no credential, and the line said to set AZURE_TENANT_ID, AZURE_CLIENT_ID and
// AZURE_CLIENT_SECRET, two of which were set, without naming the one it had passed over.
test("the suite's sign-in variables the chain does not read are named, with their namesakes", () => {
  expect(
    unreadNamesakesNote({
      MDE_TENANT_ID: '6d5c1a5e-0b1c-4c1e-9a55-2f0e3b1c4d01',
      AZURE_CLIENT_ID: 'x',
      AZURE_CLIENT_SECRET: 'not-shown-secret',
    }),
  ).toBe(
    '; MDE_TENANT_ID is set, which the chain does not read: set AZURE_TENANT_ID instead, or leave MDE_CREDENTIAL unset to sign in with it',
  );
  const all = unreadNamesakesNote({
    MDE_TENANT_ID: 't',
    MDE_CLIENT_ID: 'c',
    MDE_CLIENT_SECRET: 'not-shown-secret',
  });
  expect(all).toContain('MDE_TENANT_ID, MDE_CLIENT_ID, MDE_CLIENT_SECRET are set');
  expect(all).toContain('set AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET instead');
  expect(all).not.toContain('not-shown-secret');
});

test('nothing is added where each is set under its AZURE_* name too, or none is set', () => {
  expect(unreadNamesakesNote({ MDE_TENANT_ID: 't', AZURE_TENANT_ID: 't' })).toBe('');
  expect(unreadNamesakesNote({})).toBe('');
});
