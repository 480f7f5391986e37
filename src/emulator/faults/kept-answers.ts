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

// The answers a cache kept per app, by the action's tenant and id (random GUIDs, so every emulator of a
// process keeps its own), then by the app that read it.
const perApp = new Map<string, Map<string, Answer>>();

// The answer `appId` was given first for this action since its own last change of it (this one, when
// none was kept yet), as a copy each time.
export function appAnswerOf(action: MachineAction, appId: string, answer: Answer): Answer {
  const key = `${action.tenantId}|${action.id}`;
  const apps = perApp.get(key) ?? new Map<string, Answer>();
  perApp.set(key, apps);
  if (!apps.has(appId)) apps.set(appId, structuredClone(answer));
  return structuredClone(apps.get(appId)!);
}

// Forgets what `appId` was given for the action it changed; other apps' answers stay kept.
export function forgetAppAnswer(action: MachineAction, appId: string): void {
  perApp.get(`${action.tenantId}|${action.id}`)?.delete(appId);
}
