import { type Answer, jsonAnswer } from './answer.ts';
import { apiError } from './api-error.ts';
import type { ApiCall, EmulatorContext } from './emulator-context.ts';
import { newAction, renderAction } from './machine-action.ts';
import { readApiBody } from './request-body.ts';
import { ACTIVE_STATUSES } from './tenant-store.ts';

const TYPE = 'RunAntiVirusScan';
const SCAN_TYPES = ['Quick', 'Full'];

// POST /api/machines/{machineId}/runAntiVirusScan (docs/contract.md#create-operations): a new Pending
// action, answered as the variant reads it (201, or 200). A second scan while one is active is answered as the variant reads duplicate-create.
export function scanAnswer(ctx: EmulatorContext, call: ApiCall): Answer {
  const { variant } = ctx;
  const nowMs = ctx.clock.nowMs();
  const tenant = ctx.store.find(call.claims.tenantId);
  const machine = tenant?.machines.get(call.params[0]!.toLowerCase());
  if (!tenant || !machine)
    return apiError(
      variant,
      nowMs,
      { status: 404, code: 'ResourceNotFound' },
      `Machine ${call.params[0]} was not found: check the device id and the tenant of the token`,
    );

  const body = readApiBody(call.contentType, call.raw, variant);
  if (body.kind === 'refused') return apiError(variant, nowMs, body.refusal, body.message);
  const fields = body.kind === 'object' ? body.value : {};
  for (const name of ['Comment', 'ScanType'])
    if (!(name in fields))
      return apiError(
        variant,
        nowMs,
        { status: 400, code: 'MissingRequiredParameter' },
        `${name} is required: send {"Comment": "<why>", "ScanType": "Quick"} (names are case-sensitive)`,
      );
  if (typeof fields.Comment !== 'string' || !SCAN_TYPES.includes(fields.ScanType as string))
    return apiError(
      variant,
      nowMs,
      { status: 400, code: 'InvalidRequestBody' },
      'Comment must be a string and ScanType Quick or Full',
    );

  const running = [...tenant.actions.values()].find(
    (a) => a.machineId === machine.id && a.type === TYPE && ACTIVE_STATUSES.includes(a.status),
  );
  if (running) {
    if (variant.duplicateCreate === 'reject')
      return apiError(
        variant,
        nowMs,
        { status: 400, code: 'ActiveRequestAlreadyExists' },
        `A ${TYPE} action is already running on this device: wait for it or cancel action ${running.id}`,
      );
    return jsonAnswer(variant.duplicateCreate.existingStatus, renderAction(running, variant, call.origin));
  }
  const action = newAction({
    type: TYPE,
    status: 'Pending',
    machine,
    requestor: call.claims.appId,
    requestorComment: fields.Comment,
    scope: fields.ScanType as string,
    nowMs,
  });
  tenant.actions.set(action.id, action);
  return jsonAnswer(variant.newActionStatus, renderAction(action, variant, call.origin));
}
