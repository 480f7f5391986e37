import { expect, test } from '../../helpers/api-test.ts';
import { rawExchange as exchange, listeningEmulator, parseRawAnswer as parse } from '../http/raw-exchange.ts';

// Every refusal of the token endpoint is in Entra's shape, "error" a string (docs/emulator.md#token-errors),
// so that MSAL can read it. An Expect other than 100-continue is refused by Node before any route runs
// (http/node-answers.ts), and was answered in the API's envelope there too, "error" an object: the
// route is known from the URL, and the token endpoint's 417 is now Entra's, with no AADSTS code.

test.describe('an Expect other than 100-continue', () => {
  const emulator = listeningEmulator();

  const request = (path: string) =>
    `POST ${path} HTTP/1.1\r\nHost: x\r\nExpect: bogus\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
    'Content-Length: 0\r\nConnection: close\r\n\r\n';

  for (const path of ['/contoso.example/oauth2/v2.0/token', '/contoso.example/OAuth2/Token'])
    test(`on the token endpoint ${path} answers 417 in Entra's shape`, async () => {
      const answer = parse(await exchange(emulator.url, request(path)));
      expect(answer.status).toBe(417);
      expect(answer.headers).toContain('content-type: application/json');
      expect(answer.body).toMatchObject({ error: 'invalid_request', error_codes: [] });
      expect(answer.body['error_description']).toEqual(expect.stringContaining('Expect'));
    });

  test('elsewhere answers 417 ExpectationFailed in the error envelope', async () => {
    const answer = parse(await exchange(emulator.url, request('/_emulator/clock/advance')));
    expect(answer.status).toBe(417);
    expect(answer.body).toEqual({ error: expect.objectContaining({ code: 'ExpectationFailed' }) });
  });
});
