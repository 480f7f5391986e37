import type { CheckedEnvironment } from './check-environment.ts';
import type { ConfigProblems } from './config-problems.ts';
import type { Env } from './read-env.ts';

// The Application (client) ID and the Directory (tenant) ID sit one above the other on an app
// registration's overview page, and the tenant's is easily copied twice. Entra ID then answers
// AADSTS700016 quoting the id as the directory's too, and the leak scan finds the client id's value
// (the tenant's, which the report names) in the artefacts: exit 4, "rotate what leaked". Said first.
export function clientIsTenantProblems(c: CheckedEnvironment, env: Env, problems: ConfigProblems): void {
  const tenant = c.values.MDE_TENANT_ID?.toLowerCase();
  if (!tenant) return;
  const others = Object.keys(env).filter((name) => /^MDE_(LIMITED|ROLE_[A-Z_]+)_CLIENT_ID$/.test(name));
  for (const name of ['MDE_CLIENT_ID', ...others])
    if (c.get(name)?.toLowerCase() === tenant)
      problems.add(
        c.nameOf(name),
        `is the same id as ${c.nameOf('MDE_TENANT_ID')}: set the app's Application (client) ID, shown beside the Directory (tenant) ID on the app registration's overview page`,
      );
}
