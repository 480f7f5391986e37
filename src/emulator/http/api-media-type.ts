import type { EmulatorContext } from '../context.ts';

// docs/contract.md#json-media-type: the Content-Type of the API's JSON, and OData-Version if any. A new
// object each time: answer faults may change an answer's headers.
export function apiMediaType(ctx: EmulatorContext): Record<string, string> {
  const { contentType, odataVersion } = ctx.profile.readings['json-media-type'];
  return odataVersion === null
    ? { 'content-type': contentType }
    : { 'content-type': contentType, 'odata-version': odataVersion };
}
