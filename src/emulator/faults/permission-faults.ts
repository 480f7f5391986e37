import type { AuthFault } from './fault-entry.ts';

// Faults of authorization: which roles may cancel, and how a refusal for a missing role answers (the
// auth seam, as auth-faults.ts: auth/role-policy.ts).
export const PERMISSION_FAULTS = [
  {
    name: 'role-refused-liveresponse',
    seam: 'auth',
    breaks: ['PERM.ROLES'],
    description: 'Machine.LiveResponse alone is refused on cancel (403).',
    auth: { cancelRolesRefused: ['Machine.LiveResponse'] },
  },
  {
    // Every app of the suite held one role, or an action role first (the operator: Machine.Scan, then
    // Machine.Read.All), and a real app's roles come in no documented order.
    name: 'cancel-first-role-only',
    seam: 'auth',
    breaks: ['PERM.ROLES'],
    description:
      "A cancel checks only the first role of the token's roles claim: Machine.Read.All listed before an action role is refused (403); a token holding one role, or its action role first, may cancel.",
    auth: { cancelFirstRoleOnly: true },
  },
  {
    name: 'read-only-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: 'Machine.Read.All alone is allowed to cancel.',
    auth: { cancelRolesAdded: ['Machine.Read.All'] },
  },
  {
    name: 'read-only-can-cancel-versioned',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'Machine.Read.All alone is allowed to cancel under /api/v1.0 (a versioned route guarded by its own role list); under /api it answers 403.',
    auth: { versionedCancelRolesAdded: ['Machine.Read.All'] },
  },
  {
    // A versioned route guarded by a role list of its own that lags the cancel page's seven: the role
    // the page added last is missing there, and every role test cancelled under /api alone.
    name: 'versioned-cancel-refuses-liveresponse',
    seam: 'auth',
    breaks: ['PERM.ROLES'],
    description:
      'Machine.LiveResponse alone is refused a cancel under /api/v1.0 (403); under /api it may cancel, as may any other action role under either path.',
    auth: { versionedCancelRolesRefused: ['Machine.LiveResponse'] },
  },
  {
    name: 'read-write-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: 'Machine.ReadWrite.All alone is allowed to cancel (it is no action role).',
    auth: { cancelRolesAdded: ['Machine.ReadWrite.All'] },
  },
  {
    // Real apps without an action role commonly hold both read roles; each alone was all PERM.NONE sent.
    name: 'read-roles-together-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A token holding both Machine.Read.All and Machine.ReadWrite.All may cancel (read plus read-write taken for write); either alone is refused.',
    auth: { cancelRoleSetsAdded: [['Machine.Read.All', 'Machine.ReadWrite.All']] },
  },
  {
    name: 'cancel-denies-read-roles-only',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A cancel refuses a token only when its roles are all read roles (a deny-list): one holding Alert.Read.All beside them may cancel.',
    auth: { cancelDeniesReadRolesOnly: true },
  },
  {
    name: 'no-roles-can-cancel',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A token holding no role at all is allowed to cancel; one holding only a read role is refused.',
    auth: { rolelessCancel: true },
  },
  {
    name: 'forbidden-wrong-code',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description: "A token without a needed role answers 403 with code 'Unauthorized'.",
    auth: { forbiddenCode: 'Unauthorized' },
  },
  {
    // The cancel of a running action goes to its device by a channel of its own, whose guard checks
    // the token and not its roles: every role test cancelled a Pending action.
    name: 'running-cancel-role-unchecked',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A cancel of an InProgress action is let past the role check: a token without any action role cancels it; one of a Pending action is refused 403.',
    auth: { unroledCancelStatuses: ['InProgress'] },
  },
  {
    // Every role test cancelled a Pending action: the running scan's channel asking for Machine.Scan
    // refused only the cancels no test made.
    name: 'running-cancel-scan-role-only',
    seam: 'auth',
    breaks: ['PERM.ROLES'],
    description:
      'A cancel of an InProgress action needs Machine.Scan (the running scan is stopped by a channel that asks for its role): any other action role alone is refused 403; a Pending action is cancelled with any of the seven.',
    auth: { runningCancelRoles: ['Machine.Scan'] },
  },
  {
    // Every role test cancelled a scan: a cancel handed to its type's handler, which asks for the role
    // that starts the type, was seen only where the operator (Machine.Scan) cancels other types; its 403
    // also answers the operator's badly labelled or malformed body to an Isolate action (not 400 or 415).
    name: 'cancel-role-of-type',
    seam: 'auth',
    breaks: ['PERM.ROLES', 'CANCEL.OK', 'CANCEL.FIELDS', 'CANCEL.PERSIST', 'CANCEL.BODY', 'HDR.CONTENTTYPE'],
    description:
      'A cancel of an action other than a scan needs the role that starts its type (Machine.Isolate for an Isolate action): any other action role alone is refused 403; a scan is cancelled with any of the seven.',
    auth: { cancelNeedsTypeRole: true },
  },
  {
    // The role check lives in the scan handler, as the final-state check of final-check-scans-only
    // does: every test of a token without an action role cancelled a scan.
    name: 'non-scan-cancel-role-unchecked',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A cancel of an action other than a scan checks no role: a token without any action role cancels an Isolate action; one cancelling a scan is refused 403.',
    auth: { roleCheckedOnlyForType: 'RunAntiVirusScan' },
  },
  {
    // The twin of final-state-uncommented-cancellable: the role check sits beside the Comment's
    // validation, and every test of a token without an action role sent a Comment.
    name: 'uncommented-cancel-role-unchecked',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A cancel without a Comment ({}) checks no role: a token without any action role cancels the action; one that sends a Comment is refused 403.',
    auth: { roleCheckedWith: 'comment' },
  },
  {
    // As above, with the role check beside the reading of the body: a cancel with none skips it.
    name: 'bodiless-cancel-role-unchecked',
    seam: 'auth',
    breaks: ['PERM.NONE'],
    description:
      'A cancel without a body checks no role: a token without any action role cancels the action; one that sends a body, {} included, is refused 403.',
    auth: { roleCheckedWith: 'body' },
  },
] as const satisfies readonly AuthFault[];
