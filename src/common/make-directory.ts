import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// mkdirSync(dir, { recursive: true }), without its endless loop: where a directory cannot be made but
// the kernel answers ENOENT for it (under /proc), Node's recursive mkdir tries again for ever, and
// `npm run emulator -- --tls-cert-out /proc/x/cert.pem` hung instead of saying so. Each missing
// directory is made in turn, from the nearest one that exists; the first that cannot be made throws.
// Returns the directories made, outermost first, for a caller that only tries a path to remove again.
export function makeDirectory(dir: string): string[] {
  const missing: string[] = [];
  for (let at = resolve(dir); !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const path of missing)
    try {
      mkdirSync(path);
    } catch (error) {
      // Made meanwhile by another process (parallel workers): as good as made here.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  return missing;
}
