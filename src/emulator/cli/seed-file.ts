import { statSync } from 'node:fs';
import { jsonSyntaxWhere } from '../../common/json-syntax-error.ts';
import { megabytes, readUserFile } from '../../common/regular-file.ts';
import { unreadableFile } from '../../common/unreadable-file.ts';
import { parseUserJson } from '../../common/user-json.ts';
import { problemLines } from '../state/input-problems.ts';
import { readSeedDocument, type Seed } from '../state/seed-document.ts';
import { CliUsageError } from './usage.ts';

// A seed holds apps, machines and actions, a few hundred bytes each: 8 MB is tens of thousands of them.
// A 200 MB file (a wrong one named, a generated one gone wrong) was read for minutes into gigabytes of
// memory, every entry's problems kept, before one line said anything.
const MAX_SEED_BYTES = 8 * 1024 * 1024;

// The seed file, checked whole before anything starts: one line per problem, each with its JSON path.
export function readSeedFile(file: string, maxBytes = MAX_SEED_BYTES): Seed {
  let bytes: Buffer;
  try {
    const { size } = statSync(file);
    if (size > maxBytes)
      throw new CliUsageError(
        `--seed: ${file} is ${megabytes(size)}, more than a seed needs (at most ${megabytes(maxBytes)}): name the seed file, or seed fewer entries.`,
      );
    bytes = readUserFile(file);
  } catch (error) {
    if (error instanceof CliUsageError) throw error;
    throw new CliUsageError(`--seed: cannot read ${file}: ${unreadableFile(error)}.`);
  }
  let document: unknown;
  try {
    document = parseUserJson(bytes);
  } catch (error) {
    throw new CliUsageError(`--seed ${file}: not valid JSON (${jsonSyntaxWhere(error)}).`);
  }
  const { seed, problems } = readSeedDocument(document);
  if (problems.length > 0)
    throw new CliUsageError(
      problemLines(problems)
        .map((problem) => `--seed ${file}: ${problem}`)
        .join('\n'),
    );
  return seed;
}
