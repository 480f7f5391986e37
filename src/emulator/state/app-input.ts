import type { OpenAPIV3_1 } from 'openapi-types';
import { getContract } from '../../contract/index.ts';
import { CredentialInputError, certificatePem, federatedCredentials } from '../identity/credential-input.ts';
import type { AppRegistration } from './app-registry.ts';
import {
  MAX_ID_LENGTH,
  objectAt,
  onlyMembers,
  optionalTextAt,
  type Problems,
  pathOf,
  shown,
  textAt,
} from './input-problems.ts';

// The roles an app may hold: the scopes of the contract's OAuth flows (its role catalogue) and every
// role an operation requires. A name outside them is a typo that would only surface later as a 403.
export const CONTRACT_ROLES: readonly string[] = contractRoles();

const APP_MEMBERS = ['tenantId', 'clientId', 'clientSecret', 'certificate', 'federatedCredentials', 'roles'];

// An app registration of the control protocol (POST /_emulator/apps) or of a seed's `apps`.
export function readApp(input: unknown, problems: Problems, path = ''): AppRegistration | undefined {
  const body = objectAt(input, path, 'an app', problems);
  if (!body) return undefined;
  const found = problems.length;
  onlyMembers(body, path, APP_MEMBERS, problems);
  const tenantId = textAt(body, path, 'tenantId', problems, MAX_ID_LENGTH);
  const clientId = textAt(body, path, 'clientId', problems);
  const roles = rolesAt(body['roles'], pathOf(path, 'roles'), problems);
  const app: Partial<AppRegistration> = {};
  const secret = optionalTextAt(body, path, 'clientSecret', problems, { secret: true });
  if (secret) app.clientSecret = secret;
  credential(problems, path, () => {
    if (body['certificate'] !== undefined) app.certificate = certificatePem(body['certificate']);
  });
  credential(problems, path, () => {
    if (body['federatedCredentials'] !== undefined)
      app.federatedCredentials = federatedCredentials(body['federatedCredentials']);
  });
  // An empty secret is no credential; a secret of the wrong type was reported above.
  const secretGiven =
    body['clientSecret'] !== undefined && body['clientSecret'] !== null && body['clientSecret'] !== '';
  if (!secretGiven && body['certificate'] === undefined && body['federatedCredentials'] === undefined)
    problems.push(
      `${path || 'An app'} needs a credential: clientSecret, certificate (PEM) or federatedCredentials, or several.`,
    );
  if (problems.length > found || !tenantId || !clientId || !roles) return undefined;
  return { ...app, tenantId: tenantId.toLowerCase(), clientId, roles };
}

function rolesAt(value: unknown, path: string, problems: Problems): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push(
      `${path} must be an array of role names, e.g. ["Machine.Scan"] (got ${value === undefined ? 'nothing' : shown(value)}).`,
    );
    return undefined;
  }
  const before = problems.length;
  value.forEach((role, index) => {
    if (typeof role === 'string' && CONTRACT_ROLES.includes(role)) return;
    problems.push(
      `${pathOf(path, index)} must be one of the contract's roles: ${CONTRACT_ROLES.join(', ')} (got ${shown(role)}).`,
    );
  });
  return problems.length > before ? undefined : (value as string[]);
}

// The credential checks say 'certificate must ...'; inside a seed entry they get its path in front.
function credential(problems: Problems, path: string, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof CredentialInputError)) throw error;
    problems.push(path ? `${path}.${error.message}` : error.message);
  }
}

function contractRoles(): string[] {
  const contract = getContract();
  const schemes = Object.values(contract.document.components?.securitySchemes ?? {});
  const scopes = schemes.flatMap((scheme) => {
    const flows = (scheme as OpenAPIV3_1.OAuth2SecurityScheme).flows ?? {};
    return Object.values(flows).flatMap((flow) => Object.keys((flow as { scopes?: object }).scopes ?? {}));
  });
  return [...new Set([...scopes, ...contract.operations.flatMap((op) => op.roles)])];
}
