import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaseline } from '../../../src/reporters/baseline/baseline.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';

test.afterEach(removeTempDirs);

// A baseline outside the repository was named relative to it: MDE_BASELINE=/tmp read
// "MDE_BASELINE=/tmp: .. is a directory", which names no path the user gave.
test('a baseline path outside the repository is named as given', () => {
  const dir = tempDir('baseline-outside-');
  expect(() => loadBaseline(dir)).toThrow(
    `MDE_BASELINE=${dir}: ${dir} is a directory; name a baseline file (.yaml) in it or elsewhere.`,
  );
  const file = join(dir, 'ours.yaml');
  writeFileSync(file, '- id: [');
  expect(() => loadBaseline(file)).toThrow(`${file} is not valid YAML`);
});
