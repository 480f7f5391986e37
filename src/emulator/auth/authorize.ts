import type { Operation } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import { WireError } from '../error-catalogue.ts';
import type { Caller } from './caller.ts';

// Whether an authenticated caller may call the operation: the token's audience, then its roles (403),
// as far as the auth policy (the auth seam) says. The guard (api-guard.ts) decides when it is asked.
export function authorize(
  ctx: EmulatorContext,
  operation: Operation,
  needed: readonly string[],
  caller: Caller,
  versioned: boolean,
): void {
  if (caller.anonymous) return;
  const policy = ctx.faults.auth;
  const anyAudience =
    policy.wrongAudience === 'accepted' ||
    policy.anyAudienceOperations.includes(operation.operationId) ||
    (versioned && policy.versionedAnyAudienceOperations.includes(operation.operationId));
  if (!caller.audienceOk && !anyAudience) {
    // A token for another resource is valid but not for this API: 403 (docs/contract.md#audience).
    if (policy.wrongAudience === 'unauthorized') throw new WireError('Unauthorized', 'Wrong token audience.');
    throw new WireError('Forbidden', 'The token audience is not this API.');
  }
  const cancel = operation.operationId === 'CancelMachineAction';
  // The auth policy may read only the first role of a cancel's token.
  const held = cancel && policy.cancelFirstRoleOnly ? caller.roles.slice(0, 1) : caller.roles;
  if (needed.some((role) => held.includes(role))) return;
  if (cancel && policy.cancelRoleSetsAdded.some((set) => set.every((role) => held.includes(role)))) return;
  // A deny-list of the read roles: those of the GET operation, as the contract lists them.
  if (cancel && policy.cancelDeniesReadRolesOnly) {
    const readRoles = ctx.contract.operation('GetMachineAction').roles;
    if (held.some((role) => !readRoles.includes(role))) return;
  }
  if (policy.rolelessCancel && caller.roles.length === 0 && operation.operationId === 'CancelMachineAction')
    return;
  const detail = `Missing application roles. API required roles: ${needed.join(',')}, application roles: ${caller.roles.join(',')}.`;
  throw new WireError(policy.forbiddenCode, detail, { status: 403 });
}

// Roles come from the contract (security alternatives: any one is enough; docs/contract.md#permissions).
// `versioned`: the roles under /api/v1.0, which the contract makes the same.
export function rolesFor(ctx: EmulatorContext, operation: Operation, versioned: boolean): readonly string[] {
  if (operation.operationId !== 'CancelMachineAction') return operation.roles;
  const { cancelRolesAdded, cancelRolesRefused, versionedCancelRolesAdded } = ctx.faults.auth;
  const added = versioned ? [...cancelRolesAdded, ...versionedCancelRolesAdded] : cancelRolesAdded;
  const refused = versioned
    ? [...cancelRolesRefused, ...ctx.faults.auth.versionedCancelRolesRefused]
    : cancelRolesRefused;
  return [...operation.roles.filter((r) => !refused.includes(r)), ...added];
}
