import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../contract/contract-files.ts';
import { contractHash } from '../../contract/index.ts';
import { checkedOutCommit } from './git-commit.ts';

export interface SuiteInfo {
  version: string;
  contractHash: string;
  // The suite's commit, where the run had a git checkout: tests change between versions too.
  commit?: string;
}

// Which suite and which contract produced a report, so two reports can be compared honestly.
export function suiteInfo(): SuiteInfo {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version?: string };
  const commit = checkedOutCommit(repoRoot);
  return { version: pkg.version ?? '0.0.0', contractHash: contractHash(), ...(commit ? { commit } : {}) };
}
