import { selectedBaselineProblem } from '../../../src/reporters/baseline/baseline.ts';
import { expect, test } from '../../helpers/api-test.ts';

// A secret pasted into MDE_BASELINE as well as where it belongs (a line of .env copied twice) was
// printed whole by `npm run conformance`: "BaselineError: MDE_BASELINE=<secret>: baselines/<secret>.yaml
// does not exist". The configuration errors beside it redact every configured secret; so does this one.
const SECRET = 'baseline-pasted-secret-7f3k9q';

test('a configured secret pasted into MDE_BASELINE is not printed by the baseline problem', () => {
  const before = process.env.MDE_CLIENT_SECRET;
  process.env.MDE_CLIENT_SECRET = SECRET;
  try {
    const line = selectedBaselineProblem({ MDE_BASELINE: SECRET, MDE_CLIENT_SECRET: SECRET });
    expect(line).toMatch(/^BaselineError: MDE_BASELINE=\[REDACTED\]: .* does not exist/);
    expect(line).not.toContain(SECRET);
  } finally {
    if (before === undefined) delete process.env.MDE_CLIENT_SECRET;
    else process.env.MDE_CLIENT_SECRET = before;
  }
});

test('a baseline name that is no secret is still named, to be fixed', () => {
  expect(selectedBaselineProblem({ MDE_BASELINE: 'exmaple-tenant' })).toContain(
    'MDE_BASELINE=exmaple-tenant: baselines/exmaple-tenant.yaml does not exist',
  );
});
