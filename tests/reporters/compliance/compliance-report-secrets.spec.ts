import { renderJson } from '../../../src/reporters/compliance/render-json.ts';
import { renderMarkdown } from '../../../src/reporters/compliance/render-markdown.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { failed, testRecord } from '../helpers/records.ts';
import { report } from '../helpers/sample-report.ts';

// The configuration's secrets and client ids, which a failure's text may quote, never reach a report.

test('no configured secret or client id reaches compliance.json or compliance.md', () => {
  const env = {
    MDE_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    MDE_CLIENT_SECRET: 'S3cr3t~value.xyz',
  };
  const tests = [
    testRecord({
      requirements: ['CANCEL.OK'],
      ...failed(`app ${env.MDE_CLIENT_ID} with secret ${env.MDE_CLIENT_SECRET} got 401`),
    }),
  ];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const built = report(tests, env);
    for (const text of [renderJson(built), renderMarkdown(built)]) {
      expect(text).not.toContain(env.MDE_CLIENT_ID);
      expect(text).not.toContain(env.MDE_CLIENT_SECRET);
      expect(text).toContain('[CLIENT-ID]');
    }
  } finally {
    process.env = saved;
  }
});
