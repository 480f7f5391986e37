import { readFile } from 'node:fs/promises';
import type { RulesetDefinition } from '@stoplight/spectral-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { openapiPath } from '../../src/contract/contract-files.ts';
import { readOpenApiDocument } from '../../src/contract/openapi-document.ts';
import { expect, test } from '../helpers/api-test.ts';

// Two independent linters hold the contract to their published rulesets, and the Retry-After header
// schema is checked the way a validating proxy reads it (the header value is always a string).
// The linters load inside their tests: loaded with the file, they cost every listing of the unit tests
// (Playwright loads each test file to list it) most of a second.

interface Finding {
  severity: string;
  rule: string;
  path: string;
  message: string;
}

const blocking = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'error' || f.severity === 'warn');
const listing = (findings: Finding[]) =>
  findings.map((f) => `${f.severity} ${f.rule} at ${f.path}: ${f.message}`).join('\n') || 'none';

// Only files are read: a $ref that would need the network fails as an unresolved reference instead.
const offlineRefusal = (url: string): never => {
  throw new Error(`the lint runs offline: ${url} would have been fetched; make the $ref a file path`);
};

async function spectralFindings(): Promise<Finding[]> {
  const [
    { default: spectralCore },
    { default: spectralParsers },
    { Resolver },
    { default: spectralRulesets },
  ] = await Promise.all([
    import('@stoplight/spectral-core'),
    import('@stoplight/spectral-parsers'),
    import('@stoplight/spectral-ref-resolver'),
    import('@stoplight/spectral-rulesets'),
  ]);
  const { Document, Spectral } = spectralCore;
  const fileOnly = new Resolver({
    resolvers: { file: { resolve: (uri: { href(): string }) => readFile(uri.href(), 'utf8') } },
  });
  const spectral = new Spectral({ resolver: fileOnly });
  // As a .spectral.yaml `extends: spectral:oas` does. The package's literal type lacks the `extends`
  // member that the definition union asks for, hence the cast.
  spectral.setRuleset({ extends: [[spectralRulesets.oas as RulesetDefinition, 'recommended']] });
  // The source path lets the resolver find ../schemas/*.json next to the document.
  const document = new Document(await readFile(openapiPath, 'utf8'), spectralParsers.Yaml, openapiPath);
  const severities = ['error', 'warn', 'info', 'hint'];
  return (await spectral.run(document)).map((d) => ({
    severity: severities[d.severity] ?? String(d.severity),
    rule: String(d.code),
    path: d.path.join('.'),
    message: d.message,
  }));
}

async function redoclyFindings(): Promise<Finding[]> {
  const { BaseResolver, createConfig, lint } = await import('@redocly/openapi-core');
  // openapi-core itself reports nothing anywhere (telemetry lives in the CLI); 'off' says so anyway.
  const config = await createConfig({ extends: ['recommended'], telemetry: 'off' });
  const externalRefResolver = new BaseResolver({ http: { headers: [], customFetch: offlineRefusal } });
  const problems = await lint({ ref: openapiPath, config, externalRefResolver });
  return problems.map((p) => ({
    severity: p.severity,
    rule: p.ruleId,
    path: p.location[0]?.pointer ?? '',
    message: p.message,
  }));
}

test('the contract passes Spectral’s OAS ruleset with no error and no warning', async () => {
  const findings = await spectralFindings();
  expect(listing(blocking(findings)), `Spectral (spectral:oas), all findings:\n${listing(findings)}`).toBe(
    'none',
  );
});

test('the contract passes Redocly’s recommended rules with no error and no warning', async () => {
  const findings = await redoclyFindings();
  expect(listing(blocking(findings)), `Redocly (recommended), all findings:\n${listing(findings)}`).toBe(
    'none',
  );
});

// A header value is a string; a validating proxy may also coerce it to a number first (Prism does).
// Under that reading, a oneOf of integer and string matched "60" twice and refused every 429.
for (const coerceTypes of [false, true]) {
  test(`the Retry-After header schema is a string of delay-seconds or an IMF-fixdate (coerceTypes ${coerceTypes})`, () => {
    const header = readOpenApiDocument().components?.headers?.RetryAfter as { schema?: object } | undefined;
    expect(header?.schema, 'components.headers.RetryAfter has a schema').toBeDefined();
    const validate = new Ajv2020({ strict: true, allErrors: true, coerceTypes }).compile(
      header?.schema ?? {},
    );
    const verdicts = (values: string[]) => values.map((value) => ({ value, valid: validate(value) }));

    // Syntax only: "0" passes here, and the suite judges that the wait is above zero.
    const lawful = ['60', '120', '0', 'Wed, 02 Dec 2026 01:43:04 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT'];
    expect(verdicts(lawful)).toEqual(lawful.map((value) => ({ value, valid: true })));

    // The obsolete RFC 850 and asctime dates too: a sender must generate IMF-fixdate (RFC 9110).
    const unlawful = [
      'soon',
      '-1',
      '1.5',
      '',
      ' 60',
      'Wed, 2 Dec 2026 01:43:04 GMT',
      'Wednesday, 02-Dec-26 01:43:04 GMT',
      'Wed Dec  2 01:43:04 2026',
      '2026-12-02T01:43:04Z',
    ];
    expect(verdicts(unlawful)).toEqual(unlawful.map((value) => ({ value, valid: false })));
  });
}
