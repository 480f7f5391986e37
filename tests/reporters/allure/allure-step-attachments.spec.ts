import type { StepResult } from 'allure-js-commons';
import { foldStepAttachments } from '../../../src/reporters/allure/allure-step-attachments.ts';
import { expect, test } from '../../helpers/api-test.ts';

const step = (name: string, attachment?: string, steps: StepResult[] = []): StepResult =>
  ({
    name,
    steps,
    attachments: attachment ? [{ name, source: attachment, type: 'application/json' }] : [],
    parameters: [],
    statusDetails: {},
  }) as unknown as StepResult;

const shape = (steps: StepResult[]): unknown[] =>
  steps.map((s) => [
    s.name,
    ...s.attachments.map((a) => a.source),
    ...(s.steps.length ? [shape(s.steps)] : []),
  ]);

// As allure-playwright writes a test whose exchanges attached their evidence: each exchange's step
// empty where it ran, a copy with the attachment after the test's steps.
test("each exchange's attachment goes into its own step, in order, and the copies go", () => {
  const steps = [
    step('GET a → 200'),
    step('POST a → 400'),
    step('Expect "toBeErrorEnvelope"'),
    step('GET a → 200'),
    step('GET a → 200', 'first.json'),
    step('POST a → 400', 'second.json'),
    step('GET a → 200', 'third.json'),
  ];
  foldStepAttachments(steps);
  expect(shape(steps)).toEqual([
    ['GET a → 200', 'first.json'],
    ['POST a → 400', 'second.json'],
    ['Expect "toBeErrorEnvelope"'],
    ['GET a → 200', 'third.json'],
  ]);
});

test('an exchange nested in a step gets its attachment from the top-level copy, in the order the steps ran', () => {
  const steps = [
    step('outer', undefined, [step('GET a → 200')]),
    step('GET a → 200'),
    step('GET a → 200', 'nested.json'),
    step('GET a → 200', 'second.json'),
  ];
  foldStepAttachments(steps);
  expect(shape(steps)).toEqual([
    ['outer', [['GET a → 200', 'nested.json']]],
    ['GET a → 200', 'second.json'],
  ]);
});

test('a step that holds its own attachment, or a copy with no empty step of its name before it, is left alone', () => {
  const steps = [step('screenshot', 'own.json'), step('GET b → 404', 'lonely.json'), step('GET b → 404')];
  foldStepAttachments(steps);
  expect(shape(steps)).toEqual([['screenshot', 'own.json'], ['GET b → 404', 'lonely.json'], ['GET b → 404']]);
});
