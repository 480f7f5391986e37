import { junitAgreeingWith } from '../../../src/reporters/junit/junit-outcomes.ts';
import { expect, test } from '../../helpers/api-test.ts';
import { runRecords } from '../helpers/records.ts';

test('finding properties leave junit.xml; requirement properties and quoted failure texts stay', () => {
  const quoted = '<property name="mde-finding" value="as the target echoed it">\n</property>';
  const xml = `<testsuites id="" name="" tests="1" failures="1" skipped="0" errors="0" time="1">
<testsuite name="a.spec.ts" hostname="conformance" tests="1" failures="1" skipped="0" time="1" errors="0">
<testcase name="a" classname="a.spec.ts" time="1">
<properties>
<property name="requirement" value="CANCEL.OK">
</property>
<property name="mde-finding" value="{&quot;kind&quot;:&quot;reading&quot;}">
</property>
<property name="mde-finding" value="{&quot;kind&quot;:&quot;violation&quot;}">
</property>
</properties>
<failure message="m" type="FAILURE">
<![CDATA[${quoted}]]>
</failure>
</testcase>
</testsuite>
</testsuites>`;
  const { xml: lean, changed } = junitAgreeingWith(xml, runRecords([]));
  expect(changed).toBe(0);
  expect(lean).toContain('<property name="requirement" value="CANCEL.OK">\n</property>\n</properties>');
  expect(lean.match(/mde-finding/g)).toHaveLength(1);
  expect(lean).toContain(`<![CDATA[${quoted}]]>`);
  expect(lean).toMatch(/^<testsuites id="" name="" tests="1" failures="1" skipped="0" errors="0" /);
});
