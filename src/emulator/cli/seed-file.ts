import { readFileSync } from 'node:fs';
import { jsonSyntaxWhere } from '../../contract/json-syntax-error.ts';
import { unreadableFile } from '../../contract/unreadable-file.ts';
import { parseUserJson } from '../../contract/user-json.ts';
import { problemLines } from '../state/input-problems.ts';
import { readSeedDocument, type Seed } from '../state/seed-document.ts';
import { CliUsageError } from './usage.ts';

// The seed file, checked whole before anything starts: one line per problem, each with its JSON path.
export function readSeedFile(file: string): Seed {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
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
