import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from '../../helpers/api-test.ts';

// The example workflow (.github/workflows/conformance.yml) shards the embedded run within each Node
// version and merges each version's shards. `strategy.job-total` counts every job of the matrix
// (Node versions times shards), so `--shard=i/<job-total>` ran shards 1 and 2 of 6 and every merge
// exited 2 for the missing four. Each job's `--shard` is worked out here as GitHub would.
interface Step {
  run?: string;
}
interface Job {
  strategy?: { matrix: Record<string, unknown> };
  steps?: Step[];
}

const workflow = parse(readFileSync('.github/workflows/conformance.yml', 'utf8')) as {
  jobs: Record<string, Job>;
};

// An expression of the step as GitHub reads it in the job of matrix cell `cell`, with n shards planned.
function evaluate(expression: string, cell: Record<string, number>, jobTotal: number, n: number): string {
  const name = expression.trim();
  if (name.startsWith('matrix.')) return String(cell[name.slice('matrix.'.length)]);
  if (name === 'strategy.job-total') return String(jobTotal);
  if (name === 'needs.plan.outputs.count') return String(n);
  throw new Error(`the test does not know the expression ${name}; teach it`);
}

for (const n of [2, 3]) {
  test(`with ${n} shards, every Node version runs shards 1/${n} to ${n}/${n}`, () => {
    const job = workflow.jobs['embedded']!;
    const nodes = job.strategy!.matrix['node'] as number[];
    const shards = Array.from({ length: n }, (_, i) => i + 1);
    const run = job.steps!.map((s) => s.run ?? '').find((r) => r.includes('--shard='))!;
    const jobTotal = nodes.length * shards.length;
    for (const node of nodes) {
      const args = shards.map((shard) =>
        run.replace(/\$\{\{([^}]*)\}\}/g, (_, e: string) => evaluate(e, { node, shard }, jobTotal, n)),
      );
      expect(args.map((a) => /--shard=(\S+)/.exec(a)![1])).toEqual(shards.map((s) => `${s}/${n}`));
    }
  });
}

test('the plan job gives the shard count it lists', () => {
  const plan = workflow.jobs['plan'] as Job & { outputs: Record<string, string> };
  expect(Object.keys(plan.outputs)).toEqual(expect.arrayContaining(['shards', 'count']));
});
