import type { FastifyRequest } from 'fastify';
import { getContract } from '../../contract/index.ts';
import type { EmulatorContext } from '../context.ts';
import type { Caller } from './caller.ts';

// The role check of a cancel as the auth policy may make it per type (cancelNeedsTypeRole: a cancel
// handed to the handler of its action's type, which asks for the role that starts that type). The
// contract: any one of the seven action roles, whatever the type (docs/contract.md#permissions).

// The role that starts each type: its create operation's, and LiveResponse's, which the contract lacks.
const ROLE_OF_TYPE = new Map<string, readonly string[]>([
  ...getContract().operations.flatMap((op) => (op.actionType ? [[op.actionType, op.roles] as const] : [])),
  ['LiveResponse', ['Machine.LiveResponse']],
]);

// `roles`, or the role of the named action's type when the policy asks for it and the caller's action
// is no scan (the policy leaves scans, the type every role test cancelled, to the contract's check).
export function typeCancelRoles(
  ctx: EmulatorContext,
  request: FastifyRequest,
  caller: Caller,
  roles: readonly string[],
): readonly string[] {
  if (!ctx.faults.auth.cancelNeedsTypeRole) return roles;
  const id = (request.params as { id?: unknown }).id;
  const action = typeof id === 'string' ? ctx.state.actions.get(caller.tenantId, id) : undefined;
  if (action === undefined || action.type === 'RunAntiVirusScan') return roles;
  return ROLE_OF_TYPE.get(action.type) ?? roles;
}
