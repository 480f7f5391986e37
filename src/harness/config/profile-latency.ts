import { readUserFile } from '../../common/regular-file.ts';
import { parseUserJson } from '../../common/user-json.ts';
import { parseProfile } from '../../contract/index.ts';

// The real delay of every answer (timing.latencyMs) a profile file sets; 0 when it sets none, or when
// the file is not a valid profile, which profile-file.ts names as the configuration's problem.
export function profileLatencyMs(path: string): number {
  try {
    return parseProfile(parseUserJson(readUserFile(path)), path, { quote: false }).timing?.latencyMs ?? 0;
  } catch {
    return 0;
  }
}
