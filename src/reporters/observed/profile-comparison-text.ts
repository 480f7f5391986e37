import type { PointComparison, ProfileDocument } from '../../contract/index.ts';

// What `npm run profile:compare` prints (docs/calibration.md#compare): the points that differ first,
// each case on its own lines with both readings, then those one side did not read, then the same ones,
// then a count. Readings on their own lines keep it readable on a 100-column terminal.

export interface ComparedFile {
  file: string;
  document: ProfileDocument;
}

// The exit code a CI step gates on: 0 when no point both read differs, 1 when one does.
export function comparisonExitCode(points: PointComparison[]): 0 | 1 {
  return points.some((p) => p.kind === 'differ') ? 1 : 0;
}

export function comparisonText(a: ComparedFile, b: ComparedFile, points: PointComparison[]): string[] {
  const lines = [`A: ${a.file} (${origin(a.document)})`, `B: ${b.file} (${origin(b.document)})`];
  for (const p of points) {
    if (p.kind !== 'differ') continue;
    for (const c of p.cases) {
      lines.push(`differ   ${p.point}${c.which ? ` (${c.which})` : ''}`);
      lines.push(`  A: ${JSON.stringify(c.a)}`, `  B: ${JSON.stringify(c.b)}`);
    }
  }
  for (const p of points) {
    if (p.kind !== 'one-side') continue;
    const [readA, readB] =
      p.side === 'a' ? [JSON.stringify(p.reading), p.other] : [p.other, JSON.stringify(p.reading)];
    lines.push(`only ${p.side.toUpperCase()}   ${p.point}`, `  A: ${readA}`, `  B: ${readB}`);
  }
  for (const p of points)
    if (p.kind === 'same') lines.push(`same     ${p.point}: ${JSON.stringify(p.reading)}`);
  const neither = points.filter((p) => p.kind === 'neither').map((p) => p.point);
  if (neither.length > 0) lines.push(...wrapped('neither  ', neither));
  const count = (kind: PointComparison['kind'], side?: 'a' | 'b') =>
    points.filter((p) => p.kind === kind && (!side || (p.kind === 'one-side' && p.side === side))).length;
  const differ = count('differ');
  lines.push(
    `${count('same')} same, ${differ} differ, A only ${count('one-side', 'a')}, ` +
      `B only ${count('one-side', 'b')}, neither ${neither.length}: ` +
      `${differ > 0 ? 'the profiles differ (exit 1)' : 'no point read by both differs (exit 0)'}`,
  );
  return lines;
}

const WIDTH = 100;

// A list after `head`, its continuation lines indented as far, each within WIDTH columns.
function wrapped(head: string, items: string[]): string[] {
  const lines: string[] = [];
  let line = head;
  items.forEach((item, i) => {
    const piece = i < items.length - 1 ? `${item},` : item;
    if (line.length > head.length && line.length + 1 + piece.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(head.length);
    }
    line += line.length > head.length ? ` ${piece}` : piece;
  });
  return [...lines, line];
}

// Where a profile came from, as its source says: "observed: tenant at ..., 2026-12-02T04:24:04.930Z".
function origin(document: ProfileDocument): string {
  const { kind = 'no source.kind', target, generatedAt } = document.source ?? {};
  return [`${kind}${target ? `: ${target}` : ''}`, generatedAt].filter(Boolean).join(', ');
}
