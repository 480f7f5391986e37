// Token audiences and scopes (docs/contract.md#audience). Every sample of the documentation asks for
// the legacy resource, and the API answers 403 to a token for another one.
export const API_AUDIENCE = 'https://api.securitycenter.microsoft.com';
export const DEFAULT_SCOPE = `${API_AUDIENCE}/.default`;
// Another resource's scope, for a token the API must refuse for its audience (AUTH.AUDIENCE). Not
// Microsoft Graph: its tokens carry a nonce that makes their signature unverifiable by any other
// resource, which may then answer 401 for the signature before it looks at the audience.
export const OTHER_RESOURCE_SCOPE = 'https://management.azure.com/.default';
// Microsoft Graph, all the same, where its token's signature can be checked (an emulator's): a resource
// under microsoft.com, as the API's own hosts are, so an audience check by domain takes it.
export const GRAPH_RESOURCE_SCOPE = 'https://graph.microsoft.com/.default';
