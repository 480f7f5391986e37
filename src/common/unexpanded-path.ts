import { homedir } from 'node:os';

// A path written with ~ or $VARIABLE where nothing expands them: dotenv reads .env as written, and a
// shell leaves a quoted value alone, so "~/certs/app.pem" named a folder "~" and the line said only
// "does not exist" of a file the user's shell listed. Said so, with the full path where the only thing
// to expand is the home folder; another variable is never expanded here (it may hold a secret).
// Empty for a path that has neither.
export function unexpandedPathHint(path: string, home = homedir()): string {
  if (!/^~(?=\/|$)|\$\{?\w/.test(path)) return '';
  const full = path.replace(/^~(?=\/|$)/, home).replace(/\$(?:HOME\b|\{HOME\})/g, home);
  const shown = /\$\{?\w/.test(full) ? '' : `, ${full}`;
  return ` (nothing expanded its ~ or $ here: .env and a quoted value keep them as written; write the full path${shown})`;
}
