import { expect, test } from '../helpers/api-test.ts';
import { linesMatching, sourcesUnder } from './source-scan.ts';

// What a run loads takes jose's functions from its subpaths ('jose/jwt/decode'): its entry loads all 46
// of its modules, each a round trip to the loader thread on Node 20 (docs/speed.md); the subpaths the
// emulator and the fixtures use, 21. A type-only import is erased and loads nothing.
const SCANNED = ['src', 'tests/conformance', 'tests/fixtures'];
// `import {...} from 'jose'` or `import('jose')` that is not `import type`, across lines too.
const LOADS_JOSE_ENTRY = /\bimport\s+(?!type\b)[^'";]*?\bfrom\s*['"]jose['"]|\bimport\(\s*['"]jose['"]\s*\)/g;

test("a run's code loads jose's subpaths, not its whole entry", () => {
  const entries = sourcesUnder(SCANNED).flatMap((source) => linesMatching(source, LOADS_JOSE_ENTRY));
  expect(entries, "import from a subpath such as 'jose/jwt/decode'; types may come from 'jose'").toEqual([]);
});

test('the check sees a value import of the entry, and not a type import or a subpath', () => {
  const loads = (code: string) => linesMatching({ file: 'x.ts', code }, LOADS_JOSE_ENTRY);
  expect(loads("import { decodeJwt } from 'jose';")).toEqual(['x.ts:1']);
  expect(loads("import { type JWK, exportJWK } from 'jose';")).toEqual(['x.ts:1']);
  expect(loads('import {\n  decodeJwt,\n} from "jose";')).toEqual(['x.ts:1']);
  expect(loads("const jose = await import('jose');")).toEqual(['x.ts:1']);
  expect(loads("import type { JWTPayload } from 'jose';")).toEqual([]);
  expect(loads("import { decodeJwt } from 'jose/jwt/decode';")).toEqual([]);
  expect(loads("import * as errors from 'jose/errors';")).toEqual([]);
});
