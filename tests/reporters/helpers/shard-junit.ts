// As Playwright's JUnit reporter writes them: one suite per file, its cases with their results, failure
// texts and output in CDATA (which may quote whatever a target answered).
export type Case = { name: string; result?: 'failure' | 'error' | 'skipped'; text?: string; time?: number };
const caseXml = (file: string, c: Case) => {
  const cdata = `<![CDATA[${c.text ?? ''}]]>`;
  const inner =
    c.result === 'skipped'
      ? '<skipped>\n</skipped>\n'
      : c.result
        ? `<${c.result} message="m" type="FAILURE">\n${cdata}\n</${c.result}>\n`
        : c.text
          ? `<system-out>\n${cdata}\n</system-out>\n`
          : '';
  return `<testcase name="${c.name}" classname="${file}" time="${c.time ?? 0.25}">\n<properties>\n<property name="requirement" value="CANCEL.OK">\n</property>\n</properties>\n${inner}</testcase>`;
};
export const shardXml = (file: string, cases: Case[], runName = '', wall = 1, project = 'conformance') =>
  `<testsuites id="" name="${runName}" tests="${cases.length}" failures="0" skipped="0" errors="0" time="${wall}">
<testsuite name="${file}" timestamp="2026-12-03T13:09:54.706Z" hostname="${project}" tests="${cases.length}" failures="0" skipped="0" time="1" errors="0">
${cases.map((c) => caseXml(file, c)).join('\n')}
</testsuite>
</testsuites>`;
