// Where the entries of the Entra error tables (entra-errors.ts, entra-assertion-errors.ts) were seen:
// the error reference, and the recorded answers of Entra ID that their `source` cites.
export const REF = 'learn.microsoft.com/entra/identity-platform/reference-error-codes';
export const MSAL_NET_MOCKS =
  'AzureAD/microsoft-authentication-library-for-dotnet tests/Microsoft.Identity.Test.Common/Core/Mocks/MockHelpers.cs';
export const FIC = 'Azure/login#482, Azure/login#517, Azure/azure-workload-identity#1200';
