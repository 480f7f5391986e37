// Playwright's JUnit files (one <testsuites>, its <testsuite>s and their <testcase>s), read and written
// again with counts made from the cases they hold, without an XML library. Failure texts and output
// are CDATA and may hold anything a target answered ("</testcase>", "<error"): they are set aside
// while the markup is read, and put back when written. The stand-in, "&cdata#N;", is no entity
// Playwright writes (it escapes every "&" it writes).
export type CaseKind = 'error' | 'failure' | 'passed' | 'skipped';

export interface JunitCase {
  xml: string;
  kind: CaseKind;
  time: number;
  // The test's file (Playwright's file suite title) and its title path below the file, " › "-joined.
  classname: string;
  name: string;
}

export interface JunitSuite {
  name: string;
  // Its own attributes as written (name, timestamp, hostname: the project); counts are made anew.
  attributes: string;
  // Seconds, as Playwright counts them (an interrupted test's time too, which its case does not carry).
  time: number;
  // The suite's own <properties> element, written before its cases (junit-run-properties.ts).
  properties?: string;
  cases: JunitCase[];
}

export interface JunitDocument {
  id: string;
  name: string;
  // The run's wall time, seconds.
  time: number;
  suites: JunitSuite[];
}

// A file that is no JUnit report (cut short, or something else): named in the message.
export class JunitFormatError extends Error {
  override readonly name = 'JunitFormatError';
}

export class JunitText {
  private readonly cdata: string[] = [];

  // `file` names the document in the error a damaged one gets.
  read(file: string, raw: string): JunitDocument {
    const xml = raw.replace(
      /<!\[CDATA\[[\s\S]*?\]\]>/g,
      (section) => `&cdata#${this.cdata.push(section) - 1};`,
    );
    const whole = /<testsuites\b([^>]*)>([\s\S]*)<\/testsuites>/.exec(xml);
    if (!whole) throw new JunitFormatError(`${file} is not a JUnit report (no <testsuites> element)`);
    const suites = [...whole[2]!.matchAll(/<testsuite\b([^>]*)>([\s\S]*?)<\/testsuite>/g)].map(
      ([, attributes, body]): JunitSuite => ({
        name: attribute(attributes!, 'name'),
        attributes: attributes!,
        time: Number(attribute(attributes!, 'time')) || 0,
        ...suiteProperties(body!),
        cases: [...body!.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)].map(
          ([caseXml, caseAttributes, , inner]) => ({
            xml: caseXml!,
            kind: caseKind(inner ?? ''),
            time: Number(attribute(caseAttributes!, 'time')) || 0,
            classname: unescapeXml(attribute(caseAttributes!, 'classname')),
            name: unescapeXml(attribute(caseAttributes!, 'name')),
          }),
        ),
      }),
    );
    const root = whole[1]!;
    return {
      id: attribute(root, 'id'),
      name: attribute(root, 'name'),
      time: Number(attribute(root, 'time')) || 0,
      suites,
    };
  }

  write(document: JunitDocument): string {
    const body = document.suites.map(
      (s) =>
        `<testsuite ${withCounts(s)}>\n${[s.properties, ...s.cases.map((c) => c.xml)].filter(Boolean).join('\n')}\n</testsuite>`,
    );
    const totals = `${counts(document.suites.flatMap((s) => s.cases))} time="${document.time}"`;
    const xml = `<testsuites id="${document.id}" name="${document.name}" ${totals}>\n${body.join('\n')}\n</testsuites>\n`;
    return xml.replace(/&cdata#(\d+);/g, (_, i: string) => this.cdata[Number(i)]!);
  }
}

// A suite's own <properties>, before its first case (Playwright writes none; an aligned file may hold them).
function suiteProperties(body: string): { properties?: string } {
  const own = /^\s*(<properties>[\s\S]*?<\/properties>)/.exec(body)?.[1];
  return own ? { properties: own } : {};
}

// What a test case's body says of it, as Playwright writes it.
function caseKind(inner: string): CaseKind {
  if (/<error\b/.test(inner)) return 'error';
  if (/<failure\b/.test(inner)) return 'failure';
  return /<skipped\b/.test(inner) ? 'skipped' : 'passed';
}

function counts(cases: readonly { kind: CaseKind }[]): string {
  const of = (kind: CaseKind) => cases.filter((c) => c.kind === kind).length;
  return `tests="${cases.length}" failures="${of('failure')}" skipped="${of('skipped')}" errors="${of('error')}"`;
}

// A suite's own attributes (name, timestamp, hostname) with its counts made from the cases it holds.
function withCounts(suite: JunitSuite): string {
  const own = suite.attributes.replace(/\s*\b(tests|failures|skipped|errors|time)="[^"]*"/g, '').trim();
  return `${own} ${counts(suite.cases)} time="${suite.time}"`;
}

export function attribute(attributes: string, key: string): string {
  return new RegExp(`\\b${key}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

// Playwright escapes & " ' < > in attributes.
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
function unescapeXml(text: string): string {
  return text.replace(/&(amp|quot|apos|lt|gt);/g, (_, name: string) => ENTITIES[name]!);
}

function escapeXml(text: string): string {
  return text.replace(/[&"'<>]/g, (c) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === c)};`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// A line as an attribute or element text: characters XML 1.0 forbids (a colour code's ESC among them)
// go, as Playwright's own reporter drops them, and the rest is escaped.
export function xmlText(line: string): string {
  return escapeXml(line.replace(NOT_XML, ''));
}
