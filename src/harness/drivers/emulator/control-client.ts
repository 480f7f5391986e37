import type { ControlActionSeed, ControlApp, ControlMachine } from '../../../contract/index.ts';
import { ControlProtocolError } from '../../errors.ts';
import { noVerdict } from '../../evidence/no-verdict.ts';
import { redactedExcerpt } from '../../redaction/excerpt.ts';
import { type Clock, WALL_CLOCK } from '../../wall-clock.ts';
import type { AbsentEndpoints } from './absent-endpoints.ts';
import type { ClockReading } from './api-clock.ts';
import { askControl } from './control-request.ts';
import { rfc3339 } from './rfc3339.ts';

// Client of the emulator control protocol (docs/interfaces.md#control-protocol). Any answer other than the
// documented one is a ControlProtocolError naming the URL and the status, and the test that needed it
// reaches no verdict: the target does not speak the protocol, which is not the suite failing.
export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
    private readonly wallClock: Clock = WALL_CLOCK,
    // What the run learnt the emulator lacks (absent-endpoints.ts); none for the embedded emulator.
    private readonly absent?: AbsentEndpoints,
  ) {}

  // The latest `now` the emulator gave: an advance must move its clock at least that far past it.
  private seen: Date | undefined;
  // The same, with when it was given: the API's Date header must not lag it (api-clock.ts).
  private reading: ClockReading | undefined;
  get lastReading(): ClockReading | undefined {
    return this.reading;
  }

  async clock(): Promise<Date> {
    this.seen = this.readNow(
      await this.must('GET', '/_emulator/clock', undefined, 200),
      'GET',
      '/_emulator/clock',
    );
    this.reading = { now: this.seen, at: this.wallClock.now() };
    return this.seen;
  }

  async advance(seconds: number): Promise<Date> {
    if (!(seconds > 0)) throw new RangeError(`advance() needs a number of seconds above 0 (got ${seconds})`);
    const before = this.seen ?? (await this.clock());
    const path = '/_emulator/clock/advance';
    const now = this.readNow(await this.must('POST', path, { seconds }, 200), 'POST', path);
    // A clock that did not move would make the rate and token tests fail the target for the protocol's
    // fault. Other tests may advance it too, and real time adds: only less than asked is wrong (a
    // second's slack for clocks that give whole seconds).
    if (now.getTime() < before.getTime() + seconds * 1000 - 1000)
      throw this.lastingFault(
        'POST',
        path,
        200,
        `asked to advance ${seconds} s from ${before.toISOString()}, the clock reads ${now.toISOString()}; it must move by the seconds asked`,
      );
    this.seen = now;
    this.reading = { now, at: this.wallClock.now() };
    return now;
  }

  async registerApp(app: ControlApp): Promise<void> {
    await this.must('POST', '/_emulator/apps', app, 201, `roles ${[...(app.roles ?? [])].sort().join(' ')}`);
  }

  async registerMachine(machine: ControlMachine): Promise<void> {
    await this.must('POST', '/_emulator/machines', machine, 201, '');
  }

  async seedAction(action: ControlActionSeed): Promise<Record<string, unknown>> {
    const kind = `${action.type} ${action.status}`;
    const body = (await this.must('POST', '/_emulator/machineactions', action, 201, kind)) as Record<
      string,
      unknown
    >;
    if (typeof body?.id !== 'string')
      throw this.lastingFault('POST', '/_emulator/machineactions', 201, 'the answer has no MachineAction id');
    // A seeded action keeps its status until an API call changes it: one seeded otherwise would have
    // the final-state tests judge a Pending action as if it were Succeeded.
    if (action.status !== undefined && body.status !== action.status)
      throw noVerdict(
        new ControlProtocolError(
          `${this.baseUrl}/_emulator/machineactions`,
          201,
          `seeded with status ${action.status}, the answer has status ${redactedExcerpt(String(JSON.stringify(body.status)), 40)}; a seeded action keeps its status`,
        ),
      );
    return body;
  }

  // An endpoint that answered as the protocol says but did not do what it says, and will not next time
  // either: the test that met it ends without a verdict, and the run remembers it (absent-endpoints.ts)
  // so that later tests needing it end at once with the same line instead of failing one by one.
  lastingFault(method: string, path: string, status: number, detail: string): ControlProtocolError {
    const error = noVerdict(
      new ControlProtocolError(`${this.baseUrl}${path}`, status, detail, { lasting: true }),
    );
    this.absent?.learn(method, path, error);
    return error;
  }

  // A clock answer of another shape will have it next time too: told once a run.
  private readNow(body: unknown, method: string, path: string): Date {
    const date = rfc3339((body as { now?: unknown })?.now);
    if (!date)
      throw this.lastingFault(
        method,
        path,
        200,
        `expected {"now": "<RFC 3339>"}, got ${redactedExcerpt(String(JSON.stringify(body)), 200)}; a date-time with its offset, e.g. "2026-01-05T09:00:00Z"`,
      );
    return date;
  }

  // A call the run needs: its failure ends the test that made it without a verdict; an absence the
  // run knew already ends it as skipped (absent-endpoints.ts).
  // `variant`: the kind of request, for a refusal remembered per kind (absent-endpoints.ts).
  private async must(
    method: string,
    path: string,
    body: unknown,
    expected: number,
    variant?: string,
  ): Promise<unknown> {
    try {
      return await this.call(method, path, body, expected, variant);
    } catch (error) {
      if (!(error instanceof ControlProtocolError)) throw error;
      noVerdict(error);
      if (error.remembered) this.absent?.skip(error);
      throw error;
    }
  }

  private async call(
    method: string,
    path: string,
    body: unknown,
    expected: number,
    variant?: string,
  ): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    const known = this.absent?.known(method, path, url, variant);
    if (known) throw known;
    try {
      const answer = await askControl(url, method, body, expected, this.timeoutMs);
      this.absent?.answered(method, path);
      return answer;
    } catch (error) {
      if (error instanceof ControlProtocolError) this.absent?.learn(method, path, error, variant);
      throw error;
    }
  }
}
