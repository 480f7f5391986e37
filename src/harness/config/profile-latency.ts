import { readUserFile } from '../../common/regular-file.ts';
import { parseUserJson } from '../../common/user-json.ts';
import { parseProfile } from '../../contract/index.ts';
import type { TargetSpec } from './target-spec.ts';
import { MAX_PROFILE_LATENCY_MS } from './timeouts.ts';

// The delay the test timeout allows each answer: an embedded emulator's profile file's; an emulator
// already running may be one started with any profile file (`npm run emulator -- --profile-file`),
// which the suite cannot read, so the slowest a profile may set; a tenant's own timeout allows for it.
export function targetLatencyMs(target: TargetSpec | undefined): number {
  if (target?.mode === 'embedded') return target.profileFile ? profileLatencyMs(target.profileFile) : 0;
  return target?.mode === 'emulator' ? MAX_PROFILE_LATENCY_MS : 0;
}

// The real delay of every answer (timing.latencyMs) a profile file sets; 0 when it sets none, or when
// the file is not a valid profile, which profile-file.ts names as the configuration's problem.
function profileLatencyMs(path: string): number {
  try {
    return parseProfile(parseUserJson(readUserFile(path)), path, { quote: false }).timing?.latencyMs ?? 0;
  } catch {
    return 0;
  }
}
