import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

// `npm run` runs a script from the repository's root, whatever folder it was typed in (npm keeps
// that one in INIT_CWD): a relative path named from a sub-folder (`cd calibration && npm run emulator
// -- --profile-file staging.profile.json`) read "does not exist" beside a file that does. Say so, and
// the path that names it. Empty when that is not what happened.
export function npmStartDirHint(path: unknown, env = process.env, cwd = process.cwd()): string {
  const started = env.INIT_CWD;
  if (typeof path !== 'string' || path === '' || isAbsolute(path) || !started) return '';
  if (resolve(started) === resolve(cwd)) return '';
  const meant = resolve(started, path);
  if (!existsSync(meant)) return '';
  return ` (npm runs this from ${cwd}, not from ${started} where it was typed: name it ${relative(cwd, meant)} or by its full path)`;
}
