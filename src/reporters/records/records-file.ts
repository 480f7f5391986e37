import { existsSync } from 'node:fs';
import { jsonSyntaxWhere } from '../../common/json-syntax-error.ts';
import { readUserFile, UserFileError } from '../../common/regular-file.ts';
import { SHARDS_DIR, shardRecordsName } from '../../common/report-files.ts';
import { parseUserJson } from '../../common/user-json.ts';
import { writeWhole } from '../../common/write-whole.ts';
import { refuseOtherContract } from './records-contract.ts';
import { recordsProblems } from './records-shape.ts';
import type { RunRecords } from './test-record.ts';

export function shardRecordsFile(reportsDir: string, shard: { current: number; total: number }): string {
  return `${reportsDir}/${SHARDS_DIR}/${shardRecordsName(shard)}`;
}

// Whole or not at all: a write that fails (a full disk) leaves the earlier run's records as they were,
// never a file cut short that `npm run report` cannot read.
export function writeRecords(file: string, records: RunRecords): void {
  writeWhole(file, `${JSON.stringify(records, null, 2)}\n`);
}

export function readRecords(file: string): RunRecords {
  if (!existsSync(file))
    throw new Error(`${file} does not exist: run \`npm run conformance\` first (it writes the raw records).`);
  const data = parseJson(file) as RunRecords | null;
  if (data?.version !== 1)
    throw new Error(`${file} is not a compliance records file of this suite (version 1).`);
  // An older suite's records differ in shape too: that they are another suite's is what to say first.
  if (data.suite?.contractHash !== undefined) refuseOtherContract(data, file);
  // The first few problems: a file damaged throughout would otherwise fill the screen with one line.
  const problems = recordsProblems(data);
  if (problems.length > 0)
    throw new Error(
      `${file} is not a compliance records file of this suite: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''}`,
    );
  return data;
}

// A run's records are kilobytes to a few megabytes; a file past this is another file named.
const MAX_RECORDS_BYTES = 256 * 1024 * 1024;

// JSON.parse names neither the file nor the fix; a records file cut short (a run killed while writing
// it, a truncated copy) must read as such, and never quote the file (jsonSyntaxWhere says why).
function parseJson(file: string): unknown {
  try {
    return parseUserJson(readUserFile(file, MAX_RECORDS_BYTES));
  } catch (error) {
    if (error instanceof UserFileError) throw new Error(`${file}: ${error.problem}`);
    if (!(error instanceof SyntaxError)) throw error;
    throw new Error(
      `${file} is not valid JSON (${jsonSyntaxWhere(error)}): run \`npm run conformance\` again to write it (a shard with its --shard=i/n)`,
    );
  }
}
