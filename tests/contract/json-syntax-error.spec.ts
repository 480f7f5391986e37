import { jsonSyntaxWhere } from '../../src/contract/json-syntax-error.ts';
import { expect, test } from '../helpers/api-test.ts';

function errorOf(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error('parsed');
}

test('where JSON breaks is said without quoting the text around it', () => {
  const secret = 'Abc8Q~not-for-any-message';
  for (const text of [
    `AZURE_CLIENT_SECRET=${secret}`,
    `{"secret": ${secret}}`,
    `{"a": 1,\n "secret": "${secret}" "b": 2}`,
  ]) {
    const where = jsonSyntaxWhere(errorOf(text));
    expect(where).toMatch(/^(at line \d+ column \d+|at position \d+|unexpected text)$/);
    expect(where).not.toContain(secret.slice(0, 5));
  }
  expect(jsonSyntaxWhere(errorOf('{"a": [1, 2'))).toMatch(
    /^(cut short|at position \d+|at line \d+ column \d+)$/,
  );
});
