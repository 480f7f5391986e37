import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli } from '../../../src/emulator/cli/args.ts';
import { CliUsageError } from '../../../src/emulator/cli/usage.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A 200 MB seed (a wrong file named, a generator gone wrong) was read for minutes into gigabytes of
// memory, keeping every entry's problems, before one line was said. A seed above 8 MB is refused at
// once, by its size, before it is read.
test('a seed file larger than a seed needs is refused by its size, before it is read', async () => {
  const file = join(tempDir('seed-size-'), 'seed.json');
  // Valid JSON, 9 MB: only its size is wrong.
  writeFileSync(file, `${' '.repeat(9 * 1024 * 1024)}{}`);
  await expect(parseCli(['--seed', file], {})).rejects.toThrow(
    new CliUsageError(
      `--seed: ${file} is 9.0 MB, more than a seed needs (at most 8.0 MB): name the seed file, or seed fewer entries.`,
    ),
  );
});

test('a seed within the size is read as before', async () => {
  const file = join(tempDir('seed-size-'), 'seed.json');
  writeFileSync(file, '{"apps": []}');
  expect(await parseCli(['--seed', file], {})).toMatchObject({
    kind: 'run',
    options: { seed: { apps: [] } },
  });
});
