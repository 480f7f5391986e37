import type { Answer } from '../http/answer.ts';
import type { MachineAction } from '../state/machine-action.ts';

// The answer a fault gave first for each stored action, as a response cache keeps it. Keyed by the
// stored action itself, so every emulator of a process keeps its own and a forgotten action frees its
// entry.
const kept = new WeakMap<MachineAction, Answer>();

// The answer first given for `action` (this one, when none was kept yet), as a copy each time: an
// answer is changed further on its way out.
export function firstAnswerOf(action: MachineAction, answer: Answer): Answer {
  if (!kept.has(action)) kept.set(action, structuredClone(answer));
  return structuredClone(kept.get(action)!);
}
