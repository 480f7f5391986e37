// The contract module: loads specs/ and schemas/ once and answers questions about them. Shared by the
// emulator, the harness and the reporters; it imports nothing from them.

export { type Contract, getContract, type ResponseCheck, responseFor } from './contract.ts';
export { contractHash } from './contract-hash.ts';
export type {
  ControlActionSeed,
  ControlApp,
  ControlFederatedCredential,
  ControlMachine,
} from './control-protocol.ts';
export * from './machine-action-states.ts';
export { MALFORMED_IDS } from './malformed-ids.ts';
export type { HttpMethod, Operation, RateLimit, ResponseSpec } from './openapi-document.ts';
export { precompiledValidators } from './precompiled-validators.ts';
export {
  type CaseOf,
  type CasePoint,
  type CaseReadings,
  caseReading,
  casesIn,
  type DuplicateAnswer,
  duplicateAnswer,
  fromCases,
  isCasePoint,
  isPerCase,
  POINT_CASES,
} from './profile-cases.ts';
export {
  type CaseDifference,
  canonicalJson,
  compareProfiles,
  contractsApart,
  type PointComparison,
  sameReading,
} from './profile-comparison.ts';
export { profileContractWarning } from './profile-contract.ts';
export {
  type AcceptedOrRefused,
  type Evidence,
  OPEN_POINTS,
  type OpenPointId,
  type PerFinalState,
  type PointEntry,
  type ProfileDocument,
  ProfileFormatError,
  parseProfile,
  type Readings,
  type Refusal,
  readingOf,
} from './profile-format.ts';
export {
  type Area,
  getRegistry,
  type Level,
  neverJudgedOn,
  parseRegistry,
  type Registry,
  type Requirement,
  type RequirementId,
  type TargetMode,
} from './requirements.ts';
export { type ContractViolation, formatViolations, type ValidationResult } from './schema-registry.ts';
export { API_AUDIENCE, DEFAULT_SCOPE, GRAPH_RESOURCE_SCOPE, OTHER_RESOURCE_SCOPE } from './scopes.ts';
export { SETTLE_BOUND_SECONDS, SETTLE_PAUSES_SECONDS, SETTLE_READ_SECONDS } from './settle-schedule.ts';
export { parseYaml } from './yaml-snapshot.ts';
