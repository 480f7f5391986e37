import { loggedUrl } from '../../../src/emulator/http/logged-request.ts';
import { expect, test } from '../../helpers/api-test.ts';

// The log hid a query's values but kept the path whole, so a bearer token a script put where the
// action's id goes (curl "$E/api/machineactions/$TOKEN", the variables swapped) reached it in full
// (npm run emulator -- --log-level info: "url":"/api/machineactions/eyJhbGci...").
test('a path segment that holds a JWT is logged without it', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhcGkifQ.c2lnbmF0dXJlLUZBS0U';
  expect(loggedUrl(`/api/machineactions/${jwt}`)).toBe('/api/machineactions/[redacted]');
  expect(loggedUrl(`/api/machineactions/${jwt}/cancel?$top=1`)).toBe(
    '/api/machineactions/[redacted]/cancel?$top=1',
  );
  // Sent with its scheme, encoded: "Bearer eyJ...".
  expect(loggedUrl(`/api/machineactions/Bearer%20${jwt}`)).toBe('/api/machineactions/[redacted]');
  // Ids and route names stay, to tell what was asked.
  expect(loggedUrl('/api/machineactions/0b8e8e0e-1c1a-4a7e-9a55-2f0e3b1c4d01/cancel')).toBe(
    '/api/machineactions/0b8e8e0e-1c1a-4a7e-9a55-2f0e3b1c4d01/cancel',
  );
  expect(loggedUrl('/api/machines/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/runAntiVirusScan')).toBe(
    '/api/machines/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/runAntiVirusScan',
  );
});

// The same for a client secret a script put there (the emulator cannot know a real tenant's secrets, but
// an Entra secret has a shape: three characters, a digit, "Q~", then 34 or more).
test('a path segment that holds an Entra client secret is logged without it', () => {
  const secret = 'abc8Q~Zq3xY7vW2uT1sR0pO9nM8lK7jI6hG5fE4d';
  expect(loggedUrl(`/api/machineactions/${secret}/cancel`)).toBe('/api/machineactions/[redacted]/cancel');
  expect(loggedUrl(`/api/machineactions/${secret.replace('~', '%7E')}`)).toBe(
    '/api/machineactions/[redacted]',
  );
});
