// Token audiences and scopes (docs/contract.md#audience). Every sample of the documentation asks for
// the legacy resource, and the API answers 403 to a token for another one.
export const API_AUDIENCE = 'https://api.securitycenter.microsoft.com';
export const DEFAULT_SCOPE = `${API_AUDIENCE}/.default`;
// Another resource's scope, for a token the API must refuse (AUTH.AUDIENCE).
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
