import type { JsonWebKey } from 'node:crypto';
import type { ActiveStatus, FinalStatus } from '../../contract/index.ts';
import type { ActionRole } from '../config/roles.ts';
import type { TargetMode, TargetSpec } from '../config/target-spec.ts';
import type { ApiClient } from '../http/api-client.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Settled } from './eventually.ts';

// Who calls. Tests name identities; each driver maps them to apps and tokens.
export type Identity =
  // Machine.Scan + Machine.Read.All (tenant: MDE_CLIENT_ID).
  | 'operator'
  // Only Machine.Read.All (tenant: MDE_LIMITED_CLIENT_ID).
  | 'read-only'
  // Only Machine.ReadWrite.All, no action role either (emulator only: a tenant run configures no such app).
  | 'read-write'
  // Both read roles and Alert.Read.All, no action role, as real apps hold them (emulator only).
  | 'read-roles'
  // No role at all (emulator only: a tenant run configures no such app).
  | 'no-roles'
  // The operator app with a token for another resource (Azure Resource Manager) instead of the API.
  | 'other-audience'
  // The operator app with a token for Microsoft Graph (emulator only: a tenant's Graph token carries a
  // nonce that leaves its signature unverifiable to any other resource).
  | 'graph-audience'
  // A token past its expiry (emulator only: the clock moves past it).
  | 'expired'
  // The operator of another tenant (emulator only).
  | 'other-tenant'
  // An app holding exactly one action role.
  | `role:${ActionRole}`;

// A MachineAction as the target returned it (fields beyond these are kept as they came).
export interface MachineActionRecord {
  id: string;
  type: string;
  status: string;
  machineId?: string | null;
  [field: string]: unknown;
}

// Everything a test needs from a target, the same for every target. What a target cannot provide
// throws NotApplicableError (the need() fixture turns it into a skip with the reason).
export interface TargetDriver {
  readonly mode: TargetMode;
  // An API client calling as `identity`; clients and tokens are cached.
  client(identity: Identity): Promise<ApiClient>;
  // The raw access token of `identity` (for forging bad tokens from a good one).
  token(identity: Identity): Promise<string>;
  // The RSA keys the target's authority publishes (OpenID Connect discovery), for the forgery that
  // signs with one as an HMAC secret; N/A where none can be read.
  signingKeys(): Promise<JsonWebKey[]>;
  // A Pending (or InProgress) action that may be cancelled.
  activeAction(status?: ActiveStatus): Promise<MachineActionRecord>;
  // The same, on a device where another active action (of another type) was started before it: to see
  // that a cancel changes the action it names. Emulator only: a tenant run starts only scans, one at a
  // time on its device.
  activeActionBehind(status?: ActiveStatus): Promise<MachineActionRecord>;
  // A Pending action of `type` on a device of its own: to see that a cancel is stored whatever the
  // type. Emulator only, as activeActionBehind: a tenant run starts only scans.
  activeActionOfType(type: string): Promise<MachineActionRecord>;
  // An action already in a final state; the tenant driver only finds one, never creates it. With
  // `type`, one of that type (emulator only, as activeActionOfType: a tenant's list decides the type).
  finalAction(status: FinalStatus, type?: string): Promise<MachineActionRecord>;
  // An action to read, never to change (the schema tests): the emulator seeds a Pending one; the
  // tenant driver takes the first it lists, in any state, so a read-only run checks schemas too.
  readableAction(): Promise<MachineActionRecord>;
  // Starts a new quick antivirus scan on the machine (CANCEL.REOPEN); the exchange is for asserting.
  createAction(machineId: string): Promise<Exchange>;
  // A 200 GET of `id` the driver made with the operator's client and nothing sent since (a tenant's
  // read-back of a new scan), given once; a test may take it for its own read of the state.
  freshRead?(id: string): Exchange | undefined;
  // A well-formed id that names no action.
  unknownId(): string;
  // The target's clock (virtual on an emulator).
  clockNow(): Promise<Date>;
  // Moves the target's clock forward (emulator: virtual; tenant: waits, only with MDE_ALLOW_THROTTLING).
  advanceClock(seconds: number): Promise<Date>;
  // Reads until `done` holds, pausing between reads up to SETTLE_BOUND_SECONDS of the target's time
  // (eventually.ts): for what the contract lets show "shortly after". Emulator: the virtual clock
  // moves, nothing sleeps; tenant: real waits, allowed without MDE_ALLOW_THROTTLING (they spend no quota
  // beyond the reads).
  eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<Settled<T>>;
  // A client for an identity with a fresh rate-limit window, for the rate tests.
  freshIdentity(roles: readonly string[], window?: 'minute' | 'hour'): Promise<ApiClient>;
  // A client of the same app as `client` (one freshIdentity made) with a token of its own: the limits
  // count per app (docs/contract.md#rate-limit-keying), whatever token it shows. Undefined where no
  // second token is asked for (a tenant: its token source hands out the one it holds).
  sameAppClient(client: ApiClient): Promise<ApiClient | undefined>;
  // Ends the test: the tenant driver cancels what the test created and left running.
  teardown(): Promise<void>;
}

// Worker-scoped: one per worker and target; hands a fresh driver to each test.
export interface TargetRuntime {
  readonly spec: TargetSpec;
  readonly apiBaseUrl: string;
  newDriver(): TargetDriver;
  close(): Promise<void>;
}
