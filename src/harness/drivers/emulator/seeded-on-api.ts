import { sendRaw } from '../../http/raw-request.ts';
import type { ControlClient } from './control-client.ts';

const SEED_PATH = '/_emulator/machineactions';

// An action another's emulator has just seeded must be on its API for an app of its tenant
// (docs/interfaces.md#control-protocol: the API shows a seeded action at once). An emulator whose seed
// answered 201 but stored nothing had every cancel of a seeded action answer 404, which failed
// CANCEL.OK, CANCEL.STATUS, PERM.ROLES and SCHEMA.ENTITY for the control protocol's fault: a 404 to this
// read ends the test without a verdict, remembered for the run. Any other answer, or none, is the API's
// to be judged on: the test's own calls meet it.
export async function checkSeededOnApi(
  control: ControlClient,
  apiBaseUrl: string,
  id: string,
  authorization: () => Promise<string>,
  timeoutMs: number,
): Promise<void> {
  let status: number | undefined;
  try {
    ({ status } = await sendRaw({
      url: `${apiBaseUrl}/api/machineactions/${encodeURIComponent(id)}`,
      method: 'GET',
      headers: { authorization: await authorization() },
      timeoutMs,
    }));
  } catch {
    return;
  }
  if (status === 404)
    throw control.lastingFault(
      'POST',
      SEED_PATH,
      201,
      `answered with action ${id}, but GET /api/machineactions/${id} by an app of its tenant answers 404; the API must show a seeded action at once`,
    );
}
