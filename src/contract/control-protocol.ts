// Request bodies of the emulator control protocol (docs/interfaces.md#control-protocol). The protocol is part of
// the contract: the reference emulator accepts these shapes and the harness sends them, so any other
// emulator that accepts them can be driven the same way.

export interface ControlApp {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  // The app's tokens carry exactly these roles.
  roles: string[];
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
