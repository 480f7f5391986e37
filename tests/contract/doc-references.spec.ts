import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/contract/contract-files.ts';
import { expect, test } from '../helpers/api-test.ts';
import { markdownAnchors } from './markdown-anchors.ts';

// The project cites only what it contains (docs/contract.md, docs/interfaces.md): a reader who clones
// the repository must be able to follow every reference. Offences are listed as file:line.
const SCANNED = [
  'src',
  'specs',
  'schemas',
  'tests',
  'scripts',
  'docs',
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  '.env.example',
  'allurerc.mjs',
  'playwright*.ts',
];
// These two files spell out the patterns they look for.
const CHECKER = ['tests/contract/doc-references.spec.ts', 'tests/contract/markdown-anchors.ts'];

// Citations of documents outside the repository, and what to cite instead.
const OUTSIDE: { pattern: RegExp; fix: string }[] = [
  {
    pattern: /(?<!docs\/|\[|\]\(|\]\(\.\/)interfaces\.md|interfaces\.md\s+(section|§)/,
    fix: 'cite docs/interfaces.md#<anchor>',
  },
  { pattern: /mde-contract/i, fix: 'cite docs/contract.md#<anchor>' },
  { pattern: /\.\.\/shared\b|\/work\/shared/, fix: 'cite a file inside the repository' },
  { pattern: /seed document|seed-cancel-machine-action/i, fix: 'cite docs/contract.md#cancel' },
  { pattern: /shared interfaces|research notes?\b/i, fix: 'cite docs/interfaces.md or docs/contract.md' },
  { pattern: /\bU(1[0-5]|[1-9])\b/, fix: 'name the open point: docs/contract.md#<id>' },
];

interface Line {
  file: string;
  number: number;
  text: string;
}

function scannedLines(): Line[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...SCANNED], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((file) => file && !CHECKER.includes(file) && existsSync(join(repoRoot, file)))
    .flatMap((file) => {
      const text = readFileSync(join(repoRoot, file), 'utf8');
      if (text.includes('\0')) return [];
      return text.split('\n').map((line, i) => ({ file, number: i + 1, text: line }));
    });
}

// Links into docs/: `docs/x.md` or `docs/x.md#a` anywhere; inside docs/ also `](x.md)`, `](./x.md#a)`,
// `](#a)`. A file's existence is checked with or without an anchor: a link to a file alone was passed.
function docLinks(line: Line): { doc: string; anchor?: string }[] {
  const links: { doc: string; anchor?: string }[] = [
    ...line.text.matchAll(/\bdocs\/([\w.-]+\.md)(?:#([\w-]+))?/g),
  ].map((m) => ({ doc: m[1]!, ...(m[2] ? { anchor: m[2] } : {}) }));
  if (line.file.startsWith('docs/') && line.file.endsWith('.md'))
    for (const m of line.text.matchAll(/\]\((?:\.\/)?([\w.-]+\.md)?(?:#([\w-]+))?\)/g))
      if (m[1] || m[2])
        links.push({ doc: m[1] ?? line.file.slice('docs/'.length), ...(m[2] ? { anchor: m[2] } : {}) });
  return links;
}

const anchorsOf = new Map<string, Set<string> | undefined>();
function anchorsIn(doc: string): Set<string> | undefined {
  if (!anchorsOf.has(doc)) {
    const path = join(repoRoot, 'docs', doc);
    anchorsOf.set(doc, existsSync(path) ? markdownAnchors(readFileSync(path, 'utf8')) : undefined);
  }
  return anchorsOf.get(doc);
}

const where = (line: Line) => `${line.file}:${line.number}`;
const excerpt = (text: string) => text.trim().slice(0, 140);

test('every reference to docs/<file>.md[#<anchor>] names a file (and an anchor) that exist', () => {
  const offences: string[] = [];
  for (const line of scannedLines())
    for (const { doc, anchor } of docLinks(line)) {
      const anchors = anchorsIn(doc);
      if (!anchors) offences.push(`${where(line)}: docs/${doc} does not exist`);
      else if (anchor !== undefined && !anchors.has(anchor))
        offences.push(`${where(line)}: docs/${doc} has no anchor #${anchor}`);
    }
  expect(offences, `${offences.length} broken reference(s)`).toEqual([]);
});

test('nothing cites a document outside the repository', () => {
  const offences: string[] = [];
  for (const line of scannedLines())
    for (const { pattern, fix } of OUTSIDE) {
      if (!pattern.test(line.text)) continue;
      // docs/contract.md keeps the old research ids in its "formerly" notes, so old notes can be matched.
      if (line.file === 'docs/contract.md' && /formerly/i.test(line.text)) continue;
      offences.push(`${where(line)}: ${fix}: ${excerpt(line.text)}`);
    }
  expect(offences, `${offences.length} citation(s) of documents outside the repository`).toEqual([]);
});

test('anchors are explicit ids and GitHub heading slugs, outside code', () => {
  const markdown = [
    '<a id="exit-codes"></a>',
    '## Exit codes of `npm run conformance`',
    'Each test carries `<property name="requirement">`.',
    '## Fields',
    '## Fields',
    '```',
    '## not-a-heading',
    '```',
  ].join('\n');
  expect([...markdownAnchors(markdown)].sort()).toEqual([
    'exit-codes',
    'exit-codes-of-npm-run-conformance',
    'fields',
    'fields-1',
  ]);
});
