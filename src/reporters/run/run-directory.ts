import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';
import { DEFAULT_FINGERPRINTS_FILE } from '../../harness/redaction/secret-fingerprints.ts';

export interface RunDirectory {
  // Where the run's records, reports/, allure-results/ and allure-report/ are.
  root: string;
  // For the leak scan of another run's directory: that run's issued tokens are looked for, unless
  // MDE_SECRETS_FINGERPRINTS_FILE names a fingerprints file already.
  env?: NodeJS.ProcessEnv;
}

// The run `npm run report` and `report:merge` work on: the repository's, or the one `--dir` names
// (another checkout's, a CI artefact unzipped). A relative path is read from the working directory.
export function runDirectory(dir: string | undefined, env: NodeJS.ProcessEnv = process.env): RunDirectory {
  if (dir === undefined) return { root: repoRoot };
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new Error(`--dir ${dir} is not a directory: name the directory that holds (or is to hold) the run`);
  return {
    root,
    env: {
      ...env,
      MDE_SECRETS_FINGERPRINTS_FILE:
        env.MDE_SECRETS_FINGERPRINTS_FILE || resolve(root, DEFAULT_FINGERPRINTS_FILE),
    },
  };
}
