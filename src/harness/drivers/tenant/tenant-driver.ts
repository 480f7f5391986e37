import type { JsonWebKey } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { type ActiveStatus, type FinalStatus, isFinal } from '../../../contract/index.ts';
import type { TenantTarget } from '../../config/target-spec.ts';
import { NotApplicableError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import { currentTestInfo } from '../../evidence/record-finding.ts';
import type { ApiClient } from '../../http/api-client.ts';
import type { Exchange } from '../../http/exchange.ts';
import { rememberOtherResourceToken } from '../../http/foreign-audience.ts';
import { publishedSigningKeys } from '../../identity/published-keys.ts';
import { readUntil, type Settled } from '../eventually.ts';
import type { Identity, MachineActionRecord, TargetDriver } from '../target-driver.ts';
import { cancelAbandoned } from './abandoned-actions.ts';
import { firstListed } from './first-listed.ts';
import { unlessBusy } from './running-on-device.ts';
import { ScanConfigError } from './scan-config-error.ts';
import { targetOffsetMs } from './target-clock.ts';
import { TenantClients } from './tenant-clients.ts';
import { needThrottling, needWrites } from './tenant-interlocks.ts';
import { type StartedScan, scanToCancel, startScan } from './tenant-scan.ts';
import type { TenantState } from './tenant-state.ts';
import { cancelLeftovers } from './tenant-teardown.ts';
import { waitForFreshWindow } from './tenant-windows.ts';

// One per test over the worker's TenantState (tenant-runtime.ts); teardown cancels what the test created
// and left running.
export class TenantDriver implements TargetDriver {
  readonly mode = 'tenant' as const;
  private readonly clients: TenantClients;
  private readonly mine: string[];

  constructor(
    private readonly state: TenantState,
    owned: string[] = [],
    // Whether the teardown waits for its cancels to show (tenant-teardown.ts).
    private readonly settle = true,
  ) {
    this.mine = [...owned];
    this.clients = new TenantClients(state);
  }

  private get spec(): TenantTarget {
    return this.state.options.spec;
  }

  async client(identity: Identity): Promise<ApiClient> {
    this.state.app(identity);
    return this.clients.as(identity, identity, true);
  }

  async token(identity: Identity): Promise<string> {
    const token = await this.state.token(identity);
    // Its 403 is judged by status alone, even where the token is opaque (foreign-audience.ts).
    if (identity === 'other-audience') rememberOtherResourceToken(token);
    return token;
  }

  signingKeys(): Promise<JsonWebKey[]> {
    const { http } = this.state.options;
    return publishedSigningKeys(this.spec.authBaseUrl, http.timeoutMs, http.ca);
  }

  async activeAction(status: ActiveStatus = 'Pending'): Promise<MachineActionRecord> {
    needWrites(this.spec);
    if (status !== 'Pending')
      throw new NotApplicableError('a new tenant action starts Pending; InProgress cannot be arranged');
    try {
      const started = await this.start(this.spec.machineId);
      await unlessBusy(await this.client('operator'), started.exchange.status, this.spec.machineId);
      return scanToCancel(started, this.mine, this.spec.variables?.clientId);
    } catch (error) {
      if (error instanceof ScanConfigError && !error.remembered) this.state.refusedScans.remember(error);
      throw error;
    }
  }

  async activeActionBehind(): Promise<MachineActionRecord> {
    throw new NotApplicableError(
      'a tenant run starts only scans, one at a time on its device: no second active action to start first',
    );
  }

  async activeActionOfType(type: string): Promise<MachineActionRecord> {
    throw new NotApplicableError(`a tenant run starts only scans on its device: no ${type} action to cancel`);
  }

  async finalAction(status: FinalStatus, type?: string): Promise<MachineActionRecord> {
    if (type) throw new NotApplicableError(`a tenant run cannot choose the type of a final action (${type})`);
    const api = await this.client('operator');
    const found = await firstListed(api, { $filter: `status eq '${status}'` }, `${status} actions`);
    if (!found || found.status !== status || !isFinal(found.status))
      throw new NotApplicableError(
        `the tenant holds no ${status} action to try (the suite never creates one)`,
      );
    this.state.foundFinal.add(found.id);
    return found;
  }

  // Listed, never created; not one this run may cancel (the interlock knows only created and final ones).
  async readableAction(): Promise<MachineActionRecord> {
    const found = await firstListed(await this.client('operator'), {}, 'actions');
    if (!found?.id) throw new NotApplicableError('the tenant lists no machine action to read');
    return found;
  }

  async createAction(machineId: string): Promise<Exchange> {
    needWrites(this.spec);
    return (await this.start(machineId)).exchange;
  }

  freshRead(id: string): Exchange | undefined {
    return this.state.freshReads.take(id);
  }

  unknownId(): string {
    const id = randomUUID();
    this.state.minted.add(id);
    return id;
  }

  // The target's clock, from the Date header of a GET of a made-up id (one read of the quota).
  async clockNow(): Promise<Date> {
    const api = await this.client('operator');
    const sent = this.state.clock.now();
    const res = await api.get(this.unknownId());
    const offset = targetOffsetMs(res.headers.date, sent, res.receivedAt);
    if (offset !== undefined) this.state.clockOffsetMs = offset;
    return this.targetNow();
  }

  async advanceClock(seconds: number): Promise<Date> {
    needThrottling(this.spec, 'moving time on a tenant means waiting in real time;');
    await this.state.clock.sleep(seconds * 1000);
    return this.targetNow();
  }

  // Real waits between reads; no switch needed: they spend nothing but the reads themselves.
  // A 429 among the reads ends them (its caller sees it as the last value): the settle schedule would
  // otherwise read on through the Retry-After the tenant asked for.
  eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<Settled<T>> {
    return readUntil(read, done, (seconds) => this.state.clock.sleep(seconds * 1000), undefined, throttled);
  }

  // A tenant's token source holds one token per app and renews it only when it runs out.
  async sameAppClient(_client: ApiClient): Promise<ApiClient | undefined> {
    return undefined;
  }

  async freshIdentity(_roles: readonly string[], window: 'minute' | 'hour' = 'minute'): Promise<ApiClient> {
    needThrottling(this.spec, 'deliberately exhausting a tenant rate limit', window);
    await waitForFreshWindow(this.state, window);
    // A 5xx among the rate tests' calls is theirs to weigh (tests/fixtures/rate-server-failure.ts): a call
    // asked again would be one more in the window they count.
    return this.clients.as('throttle', 'operator', false);
  }

  async teardown(): Promise<void> {
    // The teardown asks its cancels again its own way (tenant-teardown.ts), and never ends a test.
    const api = this.clients.as('operator', 'operator', false);
    // A stopped run (Ctrl-C, SIGTERM) has no next test to free the device for: its cancels are sent
    // but not waited for. Waiting for a late tenant to show them outlasted a CI job's grace period,
    // and its SIGKILL cost the run its reports (proved on the tenant rehearsal, profile lagging).
    const settle = this.settle && currentTestInfo()?.status !== 'interrupted';
    await cancelLeftovers(api, this.state, this.mine, (read, done) =>
      settle ? this.eventually(read, done) : readUntil(read, done, async () => {}, []),
    );
  }

  private async start(machineId: string): Promise<StartedScan> {
    const refused = this.state.refusedScans.get();
    if (refused) throw noVerdict(refused);
    // Once per worker: what a dead worker of the run left would make the device refuse this scan.
    await cancelAbandoned(this.state, this.clients.as('operator', 'operator', false), (read, done) =>
      this.eventually(read, done),
    );
    const started = await startScan(await this.client('operator'), this.state, machineId, (read, done) =>
      this.eventually(read, done),
    );
    if (started.ours && started.fresh) this.mine.push(started.ours.id);
    return started;
  }

  private targetNow(): Date {
    return new Date(this.state.clock.now() + (this.state.clockOffsetMs ?? 0));
  }
}

function throttled(value: unknown): boolean {
  return (value as { status?: unknown } | null)?.status === 429;
}
