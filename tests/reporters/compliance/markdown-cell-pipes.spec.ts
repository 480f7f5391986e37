import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { failed, testRecord } from '../helpers/records.ts';
import { report } from '../helpers/sample-report.ts';

// A target's answer quoted in a reason may hold "|" (a text/plain body, a header value): unescaped, it
// would split the row of compliance.md into more cells than the table has, and shift the verdict.
test('a "|" in a reason is escaped, so the row keeps its five cells', () => {
  const md = renderMarkdown(
    report([
      testRecord({
        title: 'cancel of a Succeeded action is rejected',
        requirements: ['CANCEL.FINAL'],
        ...failed('t: expected status 4xx, got 200 with body a|b'),
      }),
    ]),
  );
  const row = md.split('\n').find((line) => line.startsWith('| CANCEL.FINAL |'))!;
  expect(row).toContain('got 200 with body a\\|b');
  // Five cells: six unescaped bars.
  expect(row.match(/(?<!\\)\|/g)).toHaveLength(6);
});
