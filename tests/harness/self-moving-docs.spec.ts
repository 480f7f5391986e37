import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { MOVE_PROBE_SECONDS } from '../fixtures/self-moving-action.ts';
import { expect, test } from '../helpers/api-test.ts';

// The control protocol told an emulator author that a seeded action's last update "may move forward
// meanwhile", with no word of how the suite tells such a move from a refused call's: a move the
// suite's read MOVE_PROBE_SECONDS later does not see again is judged the call's (self-moving-action.ts).
test("the control protocol and the contract say how long the suite waits to see an action's last update move again", () => {
  const row = readFileSync(join(repoRoot, 'docs/interfaces.md'), 'utf8')
    .split('\n')
    .find((line) => line.startsWith('| `POST /_emulator/machineactions`'));
  expect(row).toContain(`again within ${MOVE_PROBE_SECONDS} s of its clock`);
  expect(readFileSync(join(repoRoot, 'docs/contract.md'), 'utf8')).toContain(
    `${MOVE_PROBE_SECONDS} s of the emulator's clock later`,
  );
});
