import { getContract } from '../../../src/contract/index.ts';
import { errorCode, expect, MACHINE, test } from '../emulator-fixture.ts';

const BODIES: Record<string, Record<string, unknown>> = {
  IsolateMachine: { Comment: 'isolate', IsolationType: 'Selective' },
  UnisolateMachine: { Comment: 'release' },
  RunAntiVirusScan: { Comment: 'scan', ScanType: 'Full' },
  CollectInvestigationPackage: { Comment: 'collect' },
  RestrictCodeExecution: { Comment: 'restrict' },
  UnrestrictCodeExecution: { Comment: 'unrestrict' },
  OffboardMachine: { Comment: 'offboard' },
  StopAndQuarantineFile: { Comment: 'sqf', Sha1: '87662bc3d60e4200ceaf7aae249d1c343f4b83c9' },
};

const creates = getContract().operations.filter((op) => op.actionType);

test.describe('operations that create machine actions', () => {
  test('every create operation of the contract has a test body here', () => {
    expect(creates.map((op) => op.operationId).sort()).toEqual(Object.keys(BODIES).sort());
  });

  for (const op of creates) {
    test(`${op.operationId} answers 201 with a Pending ${op.actionType} action`, async ({ emu }) => {
      await emu.machine();
      const url = op.path.replace('{machineId}', MACHINE);
      const res = await emu.call('POST', url, {
        token: await emu.token(op.roles),
        body: BODIES[op.operationId],
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body).toMatchObject({
        type: op.actionType,
        status: 'Pending',
        requestSource: 'PublicApi',
        requestor: 'app-1',
        requestorComment: BODIES[op.operationId]!['Comment'],
        machineId: MACHINE,
        commands: [],
        errorHResult: 0,
        cancellationRequestor: null,
        cancellationComment: null,
        cancellationDateTimeUtc: null,
      });
      expect(Object.keys(body)).toHaveLength(21);
    });
  }

  test('scope comes from ScanType and IsolationType; SQF carries relatedFileInfo', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    const scan = await emu.call('POST', `/api/machines/${MACHINE}/runAntiVirusScan`, {
      token,
      body: BODIES['RunAntiVirusScan'],
    });
    expect(scan.json().scope).toBe('Full');
    const isolate = await emu.call('POST', `/api/machines/${MACHINE}/isolate`, {
      token,
      body: { Comment: 'x' },
    });
    expect(isolate.json().scope).toBe('Full');
    const sqf = await emu.call('POST', `/api/machines/${MACHINE}/StopAndQuarantineFile`, {
      token,
      body: BODIES['StopAndQuarantineFile'],
    });
    expect(sqf.json().relatedFileInfo).toEqual({
      fileIdentifier: BODIES['StopAndQuarantineFile']!['Sha1'],
      fileIdentifierType: 'Sha1',
    });
  });

  test('a scan without ScanType answers 400 MissingRequiredParameter', async ({ emu }) => {
    await emu.machine();
    const res = await emu.call('POST', `/api/machines/${MACHINE}/runAntiVirusScan`, {
      token: await emu.token(),
      body: { Comment: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('MissingRequiredParameter');
  });

  test('a scan with ScanType "Deep" answers 400 InvalidRequestBody', async ({ emu }) => {
    await emu.machine();
    const res = await emu.call('POST', `/api/machines/${MACHINE}/runAntiVirusScan`, {
      token: await emu.token(),
      body: { Comment: 'x', ScanType: 'Deep' },
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('InvalidRequestBody');
  });

  test('a create without Comment answers 400 MissingRequiredParameter', async ({ emu }) => {
    await emu.machine();
    const res = await emu.call('POST', `/api/machines/${MACHINE}/offboard`, {
      token: await emu.token(),
      body: {},
    });
    expect(errorCode(res)).toBe('MissingRequiredParameter');
  });

  test('an unknown machine answers 404 ResourceNotFound', async ({ emu }) => {
    const res = await emu.scan(await emu.token(), 'ffffffffffffffffffffffffffffffffffffffff');
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('ResourceNotFound');
  });

  // The router refuses an id over its length before a route runs; the message still names a device's id.
  test('a machine id too long for the router is refused as a machine id, not an action id', async ({
    emu,
  }) => {
    const res = await emu.scan(await emu.token(), 'a'.repeat(3000));
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.json().error.message).toBe('The id is too long to be a machine id.');
    const get = await emu.get('a'.repeat(3000), await emu.token());
    expect(get.json().error.message).toBe('The id is too long to be a machine action id.');
  });

  test('a second active action of the same type answers 400 ActiveRequestAlreadyExists', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    expect((await emu.scan(token)).statusCode).toBe(201);
    const res = await emu.scan(token);
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('ActiveRequestAlreadyExists');
  });

  test('a seeded Pending action blocks a new one of its type; other types are free', async ({ emu }) => {
    await emu.machine();
    await emu.seed('InProgress');
    const token = await emu.token();
    expect((await emu.scan(token)).statusCode).toBe(400);
    expect(
      (
        await emu.call('POST', `/api/machines/${MACHINE}/collectInvestigationPackage`, {
          token,
          body: { Comment: 'c' },
        })
      ).statusCode,
    ).toBe(201);
  });

  test('once the first action has succeeded, the same type is accepted again', async ({ emu }) => {
    await emu.machine();
    const token = await emu.token();
    await emu.scan(token);
    await emu.advance(150);
    expect((await emu.scan(token)).statusCode).toBe(201);
  });
});
