import { signInError } from '../../../src/harness/identity/sign-in-error.ts';
import { expect, test } from '../../helpers/api-test.ts';

// Entra ID's AADSTS text quotes the app id; the sign-in error keeps the code and the fix hint but
// never the client id, which would otherwise reach compliance.json.
const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const spec = { kind: 'secret', clientId: CLIENT_ID, secretVariable: 'MDE_CLIENT_SECRET' } as const;
const authority = {
  authBaseUrl: 'https://login.microsoftonline.com',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
};

test('the configured client id Entra ID quotes becomes [CLIENT-ID]; the AADSTS code and the fix stay', () => {
  const error = {
    errorResponse: {
      error: 'invalid_client',
      errorDescription: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT_ID.toUpperCase()}'. Trace ID: 1 Correlation ID: 2`,
    },
  };
  const line = signInError(error, spec, authority).message;
  expect(line).not.toMatch(new RegExp(CLIENT_ID, 'i'));
  expect(line).toContain('AADSTS7000215: Invalid client secret provided.');
  expect(line).toContain("for a secret added to app '[CLIENT-ID]'.");
  expect(line).toMatch(/\(.+\)$/);
});

test('an app id Entra ID quotes that is not configured is hidden too; the resource app id is kept', () => {
  const other = 'abcdef01-2345-4678-9abc-def012345678';
  const resource = 'fc780465-2017-40d4-a0c5-307022471b92';
  const error = new Error(
    `AADSTS700016: Application with identifier '${other}' was not found in the directory 'Contoso'. Client app ID: ${other}(x). Resource app ID: ${resource}. Trace ID: 1`,
  );
  const line = signInError(error, { kind: 'default' }, authority).message;
  expect(line).not.toContain(other);
  expect(line).toContain(
    "Application with identifier '[CLIENT-ID]' was not found in the directory 'Contoso'",
  );
  expect(line).toContain(`Resource app ID: ${resource}`);
  expect(line).toContain(authority.tenantId);
});
