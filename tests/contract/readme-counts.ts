import type { Listed } from './listed-suite.ts';

// What the README says of the suite's size, against the suite itself: the registry line ("The registry
// holds N requirements (families), checked by M tests") and the report samples of "Reading the report",
// which a compliance team compares its own report with (a row counting four tests where the suite has
// five reads as a run that left one out). Adding a requirement or a test (docs/writing-tests.md) changes
// them, so each problem names the README line and what to write there, not only the numbers that differ.

const file = 'README.md';

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

// The requirement families the registry line names: `CANCEL.*` a prefix, `GET.NOTFOUND` one id.
function inFamilies(id: string, families: readonly string[]): boolean {
  return families.some((f) => (f.endsWith('.*') ? id.startsWith(f.slice(0, -1)) : id === f));
}

function registryLineProblems(readme: string, ids: readonly string[], tests: number): string[] {
  const m = /The registry holds (\d+) requirements \(([^)]*)\),\s+checked by (\d+) tests/.exec(readme);
  if (!m) return [`${file}: no line "The registry holds N requirements (...), checked by M tests" found`];
  const at = `${file}:${lineAt(readme, m.index)}`;
  const problems: string[] = [];
  if (Number(m[1]) !== ids.length || Number(m[3]) !== tests)
    problems.push(
      `${at}: says the registry holds ${m[1]} requirements checked by ${m[3]} tests; write ${ids.length} and ${tests}`,
    );
  const families = [...m[2]!.matchAll(/`([^`]+)`/g)].map((f) => f[1]!);
  for (const id of ids.filter((id) => !inFamilies(id, families)))
    problems.push(`${at}: ${id} is in none of the families it lists (${families.join(', ')}): add it there`);
  return problems;
}

interface Sample {
  text: string;
  line: number;
  // The command the README says wrote it, which writes it again.
  command: string;
}

function samples(readme: string): Sample[] {
  const start = readme.indexOf('## Reading the report');
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  let before = 0;
  return [...section.matchAll(/```\n([\s\S]*?)```/g)].map((block) => {
    const fault = /MDE_EMULATOR_FAULTS=([\w,-]+)/.exec(section.slice(before, block.index))?.[1];
    before = block.index + block[0].length;
    return {
      text: block[1]!,
      line: lineAt(readme, start + block.index) + 1,
      command: fault
        ? `MDE_EMULATOR_FAULTS=${fault} npm run conformance`
        : 'the command the README names above it',
    };
  });
}

const CELL = /^(\d+)\/(\d+)(?: \((\d+) (failed|no verdict)\))?$/;
const VERDICTS =
  /(\d+) PASS, (\d+) FAIL, (\d+) WARN, (\d+) ERROR, (\d+) NA, (\d+) OBSERVED of (\d+) requirements/;

function sampleProblems(sample: Sample, ids: readonly string[], listed: readonly Listed[]): string[] {
  const [headline = '', ...rest] = sample.text.split('\n');
  const fix = `run \`${sample.command}\` and copy the headline and these rows of its reports/compliance.md`;
  const at = (offset: number) => `${file}:${sample.line + offset}`;
  const problems: string[] = [];
  const sizes = /of (\d+) requirements; (\d+) tests,/.exec(headline);
  if (!sizes || Number(sizes[1]) !== ids.length || Number(sizes[2]) !== listed.length)
    problems.push(
      `${at(0)}: the sample's headline says "${sizes?.[0] ?? '(no "of N requirements; M tests,")'}", the suite has ${ids.length} requirements and ${listed.length} tests: ${fix}`,
    );
  const verdicts = VERDICTS.exec(headline);
  const sum = verdicts?.slice(1, 7).reduce((a, n) => a + Number(n), 0);
  if (verdicts && sum !== Number(verdicts[7]))
    problems.push(`${at(0)}: the sample's verdicts add up to ${sum}, not ${verdicts[7]}: ${fix}`);
  let noVerdict = 0;
  rest.forEach((line, i) => {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length !== 7 || !/^[A-Z]+\.[A-Z]+$/.test(cells[1]!)) return;
    const [, id, , verdict, , cell] = cells as [string, string, string, string, string, string];
    const claiming = listed.filter((t) => t.requirements.includes(id)).length;
    const m = CELL.exec(cell);
    // As compliance.md says them (docs/reports.md): a FAIL row names its failed tests, an ERROR row
    // those that reached no verdict.
    const marker = verdict === 'FAIL' ? 'failed' : verdict === 'ERROR' ? 'no verdict' : m?.[4];
    if (!m || Number(m[2]) !== claiming || m[4] !== marker)
      problems.push(`${at(i + 1)}: ${id}'s row counts "${cell}", ${claiming} tests claim ${id}: ${fix}`);
    if (m && verdict === 'ERROR') noVerdict += Number(m[3]);
  });
  const errored = /(\d+) test\(s\) or run step\(s\) reached no verdict/.exec(headline);
  if (errored && (Number(errored[1]) !== noVerdict || !headline.includes(`tests, ${noVerdict} errored.`)))
    problems.push(
      `${at(0)}: the headline's errored tests are not the ${noVerdict} its ERROR rows count: ${fix}`,
    );
  return problems;
}

export function readmeCountProblems(readme: string, ids: readonly string[], listed: readonly Listed[]) {
  const found = samples(readme);
  return {
    samples: found.length,
    problems: [
      ...registryLineProblems(readme, ids, listed.length),
      ...found.flatMap((sample) => sampleProblems(sample, ids, listed)),
    ],
  };
}
