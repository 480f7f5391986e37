import { randomBytes, randomUUID } from 'node:crypto';
import { readSchemaFile } from '../../contract/contract-files.ts';
import { MALFORMED_IDS, type OpenPointId, SETTLE_PAUSES_SECONDS } from '../../contract/index.ts';
import { type ProbeAnswer, ProbeClient } from './probe-client.ts';
import { ProbeClock } from './probe-clock.ts';
import { probeRates } from './probe-rates.ts';

// The differential probe of the calibration self-test (docs/calibration.md#proof): the same requests,
// through HTTP and the control protocol only, to two emulators, and for each open point the part of the
// answers the point is about (status, error code, the telling header or body shape; never ids, times
// or correlation ids). Two emulators that answer a point alike give equal signatures.
export type Signatures = Record<OpenPointId, unknown>;

const COMMENT = JSON.stringify({ Comment: 'differential probe' });
const FINAL = ['Succeeded', 'Failed', 'Cancelled', 'TimeOut'];
const ROLES = ['Machine.Scan', 'Machine.Read.All'];
type Properties = { properties: Record<string, { format?: string; properties?: Properties['properties'] }> };
const entitySchema = readSchemaFile('machine-action.schema.json') as Properties;
const errorSchema = readSchemaFile('error-envelope.schema.json') as Properties;
const TIMESTAMPS = Object.keys(entitySchema.properties).filter(
  (name) => entitySchema.properties[name]?.format === 'date-time',
);
const NAMED = {
  entity: new Set(Object.keys(entitySchema.properties)),
  error: new Set(Object.keys(errorSchema.properties['error']?.properties ?? {})),
};

export async function probeOpenPoints(
  baseUrl: string,
): Promise<{ signatures: Signatures; requests: number }> {
  const c = new ProbeClient(baseUrl);
  try {
    const clock = await ProbeClock.read(c);
    const tenantId = randomUUID();
    const app = await c.registerApp(tenantId, ROLES);
    const bearer = `Bearer ${await c.token(app)}`;
    const api = (
      method: string,
      path: string,
      body?: string,
      contentType: string | null = 'application/json',
      auth = true,
    ) =>
      c.send(
        method,
        `/api${path}`,
        {
          accept: 'application/json',
          ...(auth ? { authorization: bearer } : {}),
          ...(body !== undefined && contentType !== null ? { 'content-type': contentType } : {}),
        },
        body,
      );
    const cancel = (id: string, body?: string, contentType?: string | null) =>
      api('POST', `/machineactions/${encodeURIComponent(id)}/cancel`, body, contentType);
    const get = (id: string) => api('GET', `/machineactions/${encodeURIComponent(id)}`);
    const seed = async (status: string) => {
      const machineId = randomBytes(20).toString('hex');
      await c.control('POST', '/_emulator/machines', {
        tenantId,
        id: machineId,
        computerDnsName: `p-${machineId.slice(0, 8)}.test`,
      });
      const action = (await c.control('POST', '/_emulator/machineactions', {
        tenantId,
        machineId,
        type: 'RunAntiVirusScan',
        status,
        scope: 'Quick',
      })) as { id: string };
      return { id: action.id, machineId };
    };

    // docs/contract.md#cancel-visible-after: GETs on the suite's settle schedule, the clock moved
    // between them; the seconds of the first that shows Cancelled (null: none within the bound).
    const shownAfter = async (id: string) => {
      let waited = 0;
      for (const pause of [0, ...SETTLE_PAUSES_SECONDS]) {
        if (pause > 0) await clock.advance(pause);
        waited += pause;
        const res = await get(id);
        if (field(res, 'status') === 'Cancelled') return { seconds: waited, res };
      }
      return { seconds: null, res: undefined };
    };

    const s = {} as Signatures;
    s['final-state-cancel'] = [];
    for (const status of FINAL)
      (s['final-state-cancel'] as unknown[]).push(answer(await cancel((await seed(status)).id, COMMENT)));
    const active = await seed('Pending');
    const cancelled = await cancel(active.id, COMMENT);
    s['cancel-answer-status'] = { status: cancelled.status, shows: field(cancelled, 'status') };
    s['cancel-visible-after'] = (await shownAfter(active.id)).seconds;
    for (const [point, body, contentType] of [
      ['cancel-without-comment', '{}', 'application/json'],
      ['cancel-without-body', undefined, null],
      ['body-without-content-type', COMMENT, null],
    ] as const) {
      const action = await seed('Pending');
      const res = await cancel(action.id, body, contentType);
      // An accepted cancel is read once it has had time to show, as the suite waits for it.
      const shown = res.status === 200 ? (await shownAfter(action.id)).res : undefined;
      s[point] = { ...answer(res), after: field(shown ?? (await get(action.id)), 'status') };
    }
    s['body-with-wrong-content-type'] = [];
    for (const type of ['text/plain', 'application/xml'])
      (s['body-with-wrong-content-type'] as unknown[]).push(
        answer(await cancel((await seed('Pending')).id, COMMENT, type)),
      );
    s['unknown-id'] = [answer(await cancel(randomUUID(), COMMENT)), answer(await get(randomUUID()))];
    s['malformed-id'] = [];
    for (const id of MALFORMED_IDS) (s['malformed-id'] as unknown[]).push(answer(await cancel(id, COMMENT)));

    const entity = await get(active.id);
    const list = await api('GET', '/machineactions?$top=3');
    const error = await get(randomUUID());
    const item = ((list.body as { value?: unknown[] } | undefined)?.value?.[0] ?? {}) as object;
    const errorObject = ((error.body as { error?: unknown } | undefined)?.error ?? {}) as Record<
      string,
      unknown
    >;
    s['timestamp-precision'] = Object.fromEntries(
      TIMESTAMPS.map((name) => [name, digits(field(entity, name))]),
    );
    s['json-media-type'] = [entity, list].map((r) => [
      r.headers['content-type'],
      r.headers['odata-version'] ?? null,
    ]);
    s['error-target'] = typeof errorObject['target'];
    s['odata-context'] = [entity, list].map((r) => field(r, '@odata.context') !== undefined);
    s['extra-members'] = [
      extras(entity.body ?? {}, NAMED.entity),
      extras(item, NAMED.entity),
      extras(errorObject, NAMED.error),
    ];
    // Without Authorization, and with a token that is not one (docs/contract.md#www-authenticate).
    const unauthorized = [
      await api('POST', `/machineactions/${randomUUID()}/cancel`, COMMENT, 'application/json', false),
      await c.send(
        'POST',
        `/api/machineactions/${randomUUID()}/cancel`,
        { authorization: 'Bearer not-a-token', 'content-type': 'application/json' },
        COMMENT,
      ),
    ];
    s['www-authenticate'] = unauthorized.map((r) => [r.status, r.headers['www-authenticate'] ?? null]);
    const running = await seed('Pending');
    const again = await api(
      'POST',
      `/machines/${running.machineId}/runAntiVirusScan`,
      JSON.stringify({ Comment: 'probe', ScanType: 'Quick' }),
    );
    // The precise status: a refusal's (400, 409, ...) or the running action's (200 or 201).
    s['duplicate-create'] = { ...answer(again), running: field(again, 'id') === running.id };
    s.connection = entity.headers['connection'] ?? null;
    s.framing = [entity, error].map((r) => [
      r.headers['transfer-encoding'] ?? null,
      'content-length' in r.headers,
    ]);
    Object.assign(s, await probeRates(c, clock, await c.registerApp(tenantId, ROLES)));
    await clock.checkStill();
    return { signatures: s, requests: c.requests };
  } finally {
    c.close();
  }
}

function answer(res: ProbeAnswer): { status: number; code: unknown } {
  return {
    status: res.status,
    code: (res.body as { error?: { code?: unknown } } | undefined)?.error?.code ?? null,
  };
}

function field(res: ProbeAnswer, name: string): unknown {
  const body = res.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' ? body[name] : undefined;
}

function extras(members: object, named: ReadonlySet<string>): string[] {
  return Object.keys(members)
    .filter((name) => !named.has(name))
    .sort();
}

function digits(value: unknown): number | null {
  const match = typeof value === 'string' ? /T\d\d:\d\d:\d\d(?:\.(\d+))?/.exec(value) : null;
  return match ? (match[1]?.length ?? 0) : null;
}
