import type { WireError } from '../error-catalogue.ts';
import type { WireMachineAction } from '../http/machine-action-wire.ts';
import type { MachineAction } from '../state/machine-action.ts';

// What an operation did, before it is put into words: handlers return one, the answer seam
// (http/render-answer.ts) renders it per profile, and answer faults may rewrite the rendering.
export type Outcome =
  // A cancel changed the action: `before` as it was, `after` as the cancel left it.
  | { kind: 'cancelled'; before: MachineAction; after: MachineAction }
  // A cancel of an action in a final state, left unchanged (docs/contract.md#final-state-cancel).
  | { kind: 'refused-final'; action: MachineAction }
  | { kind: 'found'; action: MachineAction }
  // One page of the list; total is set when $count=true asked for it.
  | { kind: 'listed'; rows: WireMachineAction[]; total: number | undefined }
  | { kind: 'created'; action: MachineAction }
  // A second active action of a type answered with the first (docs/contract.md#duplicate-create).
  | { kind: 'existing'; action: MachineAction }
  // A well-formed id the caller's tenant does not hold; `elsewhere` when another tenant does.
  | { kind: 'not-found'; id: string; elsewhere: boolean }
  | { kind: 'malformed'; id: string }
  // Any other refusal (authentication, throttling, body), already an error.
  | { kind: 'refused'; error: WireError };

export type OutcomeKind = Outcome['kind'];
