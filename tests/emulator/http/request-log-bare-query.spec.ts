import { loggedUrl } from '../../../src/emulator/http/logged-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The log keeps a query's names and hides their values; a pair without "=" was kept whole as a name,
// so a token sent with its "=" encoded once too often, or bare, reached the log (npm run emulator --
// --log-level info: "url":"/api/machineactions?access_token%3DFAKE...").
test('a query pair that is a name and a value after all is logged without its value', () => {
  expect(loggedUrl('/api/machineactions?access_token%3Dopaque-FAKE-token-1&flag')).toBe(
    '/api/machineactions?access_token%3D[redacted]&flag',
  );
  expect(loggedUrl('/api/machineactions?access_token%253Dopaque-FAKE-token-1')).toBe(
    '/api/machineactions?access_token%253D[redacted]',
  );
  expect(loggedUrl('/api/machineactions?client_secret%25253DFAKE-secret&flag')).toBe(
    '/api/machineactions?client_secret%25253D[redacted]&flag',
  );
  expect(loggedUrl('/api/machineactions?eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGkifQ.c2ln&$top=1')).toBe(
    '/api/machineactions?[redacted]&$top=1',
  );
  expect(loggedUrl('/api/machineactions?%24top=2&flag')).toBe('/api/machineactions?%24top=2&flag');
});
