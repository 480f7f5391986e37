import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { errored, failed, testRecord } from '../helpers/records.ts';
import { report } from '../helpers/sample-report.ts';

// compliance.md read "| CANCEL.FINAL | MUST | FAIL | ... | 3/3 |" for three tests that all failed: a
// reader who never saw the code takes "3/3" for three passes. The cell says how many failed.
test("a row's Tests cell says how many of its tests failed, beside those that reached no verdict", () => {
  const final = (title: string, outcome: object = {}) =>
    testRecord({ title, requirements: ['CANCEL.FINAL'], ...outcome });
  const md = renderMarkdown(
    report([
      final('Succeeded', failed('Succeeded: expected 4xx, got 200')),
      final('Failed', failed('Failed: expected 4xx, got 200')),
      final('Cancelled'),
      testRecord({ title: 'ok', requirements: ['CANCEL.OK'] }),
      testRecord({ title: 'lost', requirements: ['CANCEL.STATUS'], ...errored('lost: connection reset') }),
      testRecord({
        title: 'persist',
        requirements: ['CANCEL.PERSIST'],
        ...failed('persist: expected Cancelled, got Pending'),
      }),
      testRecord({
        title: 'persist lost',
        requirements: ['CANCEL.PERSIST'],
        ...errored('persist lost: reset'),
      }),
    ]),
  );
  expect(md).toMatch(/\| CANCEL\.FINAL \| MUST \| FAIL \| [^|]+ \| 3\/3 \(2 failed\) \|/);
  expect(md).toMatch(/\| CANCEL\.OK \| MUST \| PASS \| +\| 1\/1 \|/);
  expect(md).toMatch(/\| CANCEL\.STATUS \| MUST \| ERROR \| [^|]+ \| 0\/1 \(1 no verdict\) \|/);
  expect(md).toMatch(/\| CANCEL\.PERSIST \| MUST \| FAIL \| [^|]+ \| 1\/2 \(1 failed, 1 no verdict\) \|/);
});
