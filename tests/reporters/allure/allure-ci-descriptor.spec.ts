import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from '../../../src/contract/contract-files.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { removeTempDirs, tempDir } from '../../helpers/temp-dir.ts';
import { generatorScript, withOneResult } from '../helpers/allure-workspace.ts';

// Outside a known CI, Allure's CI descriptor asks `git` for the branch, the repository and its remote,
// five commands while the report is written. The child asks them once before it is told to generate.
test.afterEach(removeTempDirs);

test('the Allure child asks git before it generates, and the report keeps the answers', () => {
  test.skip(process.platform === 'win32', 'a shell script stands in for git');
  test.slow();
  const dir = withOneResult();
  // A git that logs how many report files exist when it is asked, and answers as a checkout would.
  const bin = tempDir('fake-git-');
  const log = join(bin, 'calls.log');
  mkdirSync(bin, { recursive: true });
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh
echo "$(find '${dir}/allure-report' -type f 2>/dev/null | wc -l | tr -d ' ') $*" >> '${log}'
case "$*" in
  "rev-parse --abbrev-ref HEAD") echo fake-branch-7f3a ;;
  "rev-parse --show-toplevel") echo /nowhere/fake-repo-7f3a ;;
  "remote get-url origin") echo https://github.com/example/fake-repo-7f3a.git ;;
esac
`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  const script = generatorScript(dir, 'console.log(JSON.stringify(await generator.generate()));\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    // Neither a CI's variables (its descriptor asks no git) nor Allure's own.
    env: Object.fromEntries(
      Object.entries({ ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }).filter(
        ([name]) =>
          !/^(CI|GITHUB_|GITLAB_|JENKINS_|BUILD_|BITBUCKET_|CIRCLE|DRONE|CODEBUILD_|TF_BUILD|ALLURE_)/.test(
            name,
          ),
      ),
    ),
  });
  expect(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}'), run.stdout + run.stderr).toMatchObject({
    generated: true,
  });
  const calls = readFileSync(log, 'utf8').trim().split('\n');
  expect(calls.length).toBeGreaterThan(0);
  // Every call before the first report file: none while the report is written.
  for (const call of calls) expect(call, calls.join('\n')).toMatch(/^0 /);
  const index = readFileSync(join(dir, 'allure-report', 'index.html'), 'utf8');
  expect(index).toContain('fake-branch-7f3a');
  expect(index).toContain('fake-repo-7f3a');
});
