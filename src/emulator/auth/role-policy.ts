import type { MachineActionStatus } from '../../contract/index.ts';

// Which roles a call needs, and the code of the 403 for a missing one: part of the auth seam
// (auth-policy.ts), read by authorize.ts and the cancel's role checks beside it (*-role*.ts). The
// defaults are the contract (docs/contract.md#permissions: any one of the operation's roles).
export interface RolePolicy {
  // Code of the 403 for a missing role.
  forbiddenCode: string;
  // Roles a cancel takes beside the contract's, and contract roles it refuses.
  cancelRolesAdded: readonly string[];
  cancelRolesRefused: readonly string[];
  // Roles a cancel under /api/v1.0 takes beside the contract's (a versioned route whose guard names
  // its own roles; the contract: none).
  versionedCancelRolesAdded: readonly string[];
  // Contract roles a cancel under /api/v1.0 refuses (a versioned route whose guard lists fewer of the
  // seven; the contract: none).
  versionedCancelRolesRefused: readonly string[];
  // A token holding no role at all may cancel (a check that reads an empty roles claim as an app
  // token without limits; the contract: refused like any token without an action role).
  rolelessCancel: boolean;
  // true: a cancel checks only the first role of the token's roles claim (a check of roles[0]), so an
  // action role listed after a read role is refused. The contract: false (any one role is enough).
  cancelFirstRoleOnly: boolean;
  // Sets of roles that together may cancel though none is an action role (a check that adds up
  // permission levels, read plus read-write making write). The contract: none.
  cancelRoleSetsAdded: readonly (readonly string[])[];
  // true: a cancel refuses only a token whose roles are all read roles (or none), as a deny-list of
  // read roles does, so any other role, an alert role too, may cancel. The contract: false (an allow-list).
  cancelDeniesReadRolesOnly: boolean;
  // A cancel of the caller's action in one of these statuses is let past the role check (a running
  // action's cancel handed to its device by a channel that only authenticates). The contract: none.
  unroledCancelStatuses: readonly MachineActionStatus[];
  // Not empty: a cancel of the caller's InProgress action needs one of these roles instead of any
  // action role (a running action's cancel handed to a channel that asks for the role of its own
  // kind of action). The contract: none (any one action role, whatever the state).
  runningCancelRoles: readonly string[];
  // true: a cancel of an action other than a scan needs the role that starts its type (Machine.Isolate
  // for an Isolate action), as a cancel handed to its type's handler would. The contract: false.
  cancelNeedsTypeRole: boolean;
  // Not null: only a cancel of an action of this type checks the caller's roles, so a cancel of any
  // other type is let past with any valid token (a role check in one type's handler). The contract:
  // null, every cancel.
  roleCheckedOnlyForType: string | null;
  // 'comment' | 'body': a cancel without a Comment, or without a body, skips the role check (one made
  // beside the validation of the Comment, or of the body). The contract: null, every cancel.
  roleCheckedWith: 'comment' | 'body' | null;
}

export const CONTRACT_ROLES: RolePolicy = {
  forbiddenCode: 'Forbidden',
  cancelRolesAdded: [],
  cancelRolesRefused: [],
  versionedCancelRolesAdded: [],
  versionedCancelRolesRefused: [],
  rolelessCancel: false,
  cancelFirstRoleOnly: false,
  cancelRoleSetsAdded: [],
  cancelDeniesReadRolesOnly: false,
  unroledCancelStatuses: [],
  runningCancelRoles: [],
  cancelNeedsTypeRole: false,
  roleCheckedOnlyForType: null,
  roleCheckedWith: null,
};
