import { expect, test } from '../../helpers/api-test.ts';
import { problems, TENANT, tenant as tenantTarget } from './config-env.ts';

// A walk set MDE_CLIENT_ID to the tenant's id (the Directory (tenant) ID, one line above the client's
// on the overview page): Entra ID's AADSTS700016 quoted it as the directory too, and the leak scan found
// the client id's value in the report (the tenant's, which it names), exit 4, "rotate what leaked".
test('a client id that is the tenant id stops the run naming the variable, for each app', () => {
  const tenant = TENANT.MDE_TENANT_ID!;
  for (const name of ['MDE_CLIENT_ID', 'MDE_LIMITED_CLIENT_ID', 'MDE_ROLE_ISOLATE_CLIENT_ID']) {
    const env = { ...TENANT, [name]: tenant.toUpperCase() };
    if (name !== 'MDE_CLIENT_ID')
      Object.assign(env, { [name.replace(/_ID$/, '_SECRET')]: 'another-secret-abc' });
    const line = problems(env).join('\n');
    expect(line).toContain(`${name} is the same id as MDE_TENANT_ID: set the app's Application (client) ID`);
  }
  const namesake = problems({ ...TENANT, MDE_CLIENT_ID: undefined, AZURE_CLIENT_ID: tenant }).join('\n');
  expect(namesake).toContain('AZURE_CLIENT_ID is the same id as MDE_TENANT_ID');
});

test('distinct ids pass', () => {
  expect(tenantTarget(TENANT).tenantId).toBe(TENANT.MDE_TENANT_ID);
});
