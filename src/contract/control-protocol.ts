// Request bodies of the emulator control protocol (docs/interfaces.md#control-protocol). The protocol is part of
// the contract: the reference emulator accepts these shapes and the harness sends them, so any other
// emulator that accepts them can be driven the same way.

export interface ControlApp {
  tenantId: string;
  clientId: string;
  // At least one of clientSecret, certificate and federatedCredentials.
  clientSecret?: string;
  // PEM of the certificate whose key signs the app's client assertions (any private key in the PEM is
  // dropped, never kept).
  certificate?: string;
  // Workload identity federation: tokens of these issuers are exchanged with no secret.
  federatedCredentials?: ControlFederatedCredential[];
  // The app's tokens carry exactly these roles.
  roles: string[];
}

export interface ControlFederatedCredential {
  // Compared exactly with the token's iss, sub and (one of) aud, as Entra ID compares them.
  issuer: string;
  subject: string;
  audiences: string[];
  // The issuer's public signing keys (a JWKS), which the token's signature is checked against.
  jwks: { keys: Record<string, unknown>[] };
}

export interface ControlMachine {
  tenantId: string;
  id: string;
  computerDnsName: string;
}

export interface ControlActionSeed {
  tenantId: string;
  machineId: string;
  type: string;
  // A seeded action keeps this status until an API call changes it.
  status: string;
  requestor?: string;
  requestorComment?: string;
  scope?: string;
}
