import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context.ts';
import type { WireError } from '../error-catalogue.ts';
import type { Answer } from './answer.ts';
import { apiMediaType } from './api-media-type.ts';
import { addErrorExtras } from './extra-members.ts';
import { jsonString } from './json-text.ts';

// Content-Type of JSON answers outside the API (control protocol, unknown routes).
const PLAIN_JSON = 'application/json; charset=utf-8';

// What the error envelope needs of an error. A WireError is one; a profile's refusal of an outcome is
// rendered without making one (an Error object is the dearest part of a 4xx).
export type ErrorFields = Pick<WireError, 'code' | 'message' | 'status' | 'headers'>;

// docs/contract.md#www-authenticate: a 401 without an Authorization header, or with one that failed.
export type Credential = 'missing' | 'invalid';

// The error envelope with the profile's members (docs/contract.md#error-target,
// docs/contract.md#extra-members) and, on a 401, its WWW-Authenticate (docs/contract.md#www-authenticate).
// `api`: an answer of the API, labelled with the profile's media type.
export function errorAnswer(
  ctx: EmulatorContext,
  error: ErrorFields,
  api: boolean,
  credential: Credential = 'invalid',
): Answer {
  const readings = ctx.profile.readings;
  const target = readings['error-target'] ? randomUUID() : undefined;
  const media = api ? apiMediaType(ctx) : { 'content-type': PLAIN_JSON };
  const headers = hasAny(error.headers) ? { ...error.headers, ...media } : media;
  if (error.status === 401) {
    const challenge = ctx.profile.answers.challenge[credential];
    if (challenge !== null) headers['www-authenticate'] = challenge;
  }
  const extras = readings['extra-members'].error;
  // Without extra members, and with no answer fault to read it as an object, the envelope is written
  // as text: the same bytes JSON.stringify would make of { error: { code, message, target } }.
  if (extras.length === 0 && !ctx.faults.rewritesAnswers)
    return {
      status: error.status,
      headers,
      body: undefined,
      text: envelope(error.code, error.message, target),
    };
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (target !== undefined) body['target'] = target;
  if (extras.length > 0) addErrorExtras(body, extras, error.code, ctx.clock.now());
  return { status: error.status, headers, body: { error: body } };
}

function envelope(code: string, message: string, target: string | undefined): string {
  const head = `{"error":{"code":${jsonString(code)},"message":${jsonString(message)}`;
  return target === undefined ? `${head}}}` : `${head},"target":"${target}"}}`;
}

function hasAny(headers: Record<string, string>): boolean {
  for (const _ in headers) return true;
  return false;
}
