import { randomUUID } from 'node:crypto';
import type { MachineAction } from '../state/machine-action.ts';

// Values of members the schema does not name (docs/contract.md#extra-members), by name. A name a
// profile lists without a value here is sent as null; a name the answer already has is left alone.
const ENTITY_VALUES: Record<string, (action: MachineAction) => unknown> = {
  '@odata.etag': (action) => `W/"${action.lastUpdateMs.toString(16)}"`,
};

// Graph-style innerError, as an Azure front door adds it.
const ERROR_VALUES: Record<string, (code: string, nowMs: number) => unknown> = {
  innerError: (code, nowMs) => ({
    code,
    date: new Date(nowMs).toISOString().slice(0, 19),
    'client-request-id': randomUUID(),
  }),
  details: () => [],
};

export function addEntityExtras(
  wire: Record<string, unknown>,
  names: readonly string[],
  action: MachineAction,
) {
  for (const name of names) if (!(name in wire)) wire[name] = ENTITY_VALUES[name]?.(action) ?? null;
}

export function addErrorExtras(
  error: Record<string, unknown>,
  names: readonly string[],
  code: string,
  nowMs: number,
) {
  for (const name of names) if (!(name in error)) error[name] = ERROR_VALUES[name]?.(code, nowMs) ?? null;
}
