import { spawn } from 'node:child_process';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { withoutMdeVariables } from './script-env.ts';

// Runs `script` (an ES module, through tsx) in a child of the repository's root, without the MDE_*
// variables of this process, and takes the JSON array it prints after `mark` as its lines: several
// cases run side by side in one child, each case's answer one line. `other` is whatever else the child
// printed, on either stream, which a test can require to be empty. The child exits once it has printed
// them: a sign-in may leave handles open that would keep it alive.
export function markedLinesOfChild(
  script: string,
  mark: string,
  env: Record<string, string>,
): Promise<{ lines: string[]; other: string }> {
  const printing = `${script}\n    console.log(${JSON.stringify(mark)} + JSON.stringify(lines));\n    process.exit(0);`;
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', printing], {
      cwd: repoRoot,
      env: { ...withoutMdeVariables(), ...env },
    });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.stderr.on('data', (chunk) => {
      text += chunk;
    });
    child.on('close', () => {
      const at = text.lastIndexOf(mark);
      const end = at < 0 ? -1 : text.indexOf('\n', at);
      const lines: string[] =
        at < 0 ? [] : JSON.parse(text.slice(at + mark.length, end < 0 ? undefined : end));
      done({ lines, other: at < 0 ? text : text.slice(0, at) + (end < 0 ? '' : text.slice(end + 1)) });
    });
  });
}
