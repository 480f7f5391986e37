import { ANSWER_FAULTS } from './answer-faults.ts';
import { AUTH_FAULTS } from './auth-faults.ts';
import { CANCEL_DEDUPE_FAULTS } from './cancel-dedupe-faults.ts';
import { CANCEL_IDENTITY_FAULTS } from './cancel-identity-faults.ts';
import { CHECK_ORDER_FAULTS } from './check-order-faults.ts';
import { COMMENT_FAULTS } from './comment-faults.ts';
import { DEVICE_LOCK_FAULTS } from './device-lock-faults.ts';
import type { FaultEntry } from './fault-entry.ts';
import { FINAL_TYPE_FAULTS } from './final-type-faults.ts';
import { ID_ANSWER_FAULTS } from './id-answer-faults.ts';
import { ID_CASE_FAULTS } from './id-case-faults.ts';
import { LIFECYCLE_FAULTS } from './lifecycle-faults.ts';
import { LIST_CACHE_FAULTS } from './list-cache-faults.ts';
import { LIST_PROJECTION_FAULTS } from './list-projection-faults.ts';
import { MEDIA_TYPE_FAULTS } from './media-type-faults.ts';
import { PERMISSION_FAULTS } from './permission-faults.ts';
import { READ_ANSWER_FAULTS } from './read-answer-faults.ts';
import { REQUEST_FAULTS } from './request-faults.ts';
import { RETRY_AFTER_FAULTS } from './retry-after-faults.ts';
import { ROUTE_FAULTS } from './route-faults.ts';
import { STORE_FAULTS } from './store-faults.ts';
import { TENANT_CHECK_FAULTS } from './tenant-check-faults.ts';
import { TENANT_ID_FAULTS } from './tenant-id-faults.ts';
import { TENANT_LIST_FAULTS } from './tenant-list-faults.ts';
import { THROTTLE_FAULTS } from './throttle-faults.ts';
import { TOKEN_CHECK_FAULTS } from './token-check-faults.ts';
import { TOKEN_TRUST_FAULTS } from './token-trust-faults.ts';
import { TYPE_ANSWER_FAULTS } from './type-answer-faults.ts';
import { VERSIONED_ANSWER_FAULTS } from './versioned-answer-faults.ts';
import { VERSIONED_CANCEL_ID_FAULTS } from './versioned-cancel-id-faults.ts';
import { VERSIONED_READ_FAULTS } from './versioned-read-faults.ts';
import { WIRE_FAULTS } from './wire-faults.ts';

// Every deliberate violation, by seam. A fault that acts at an existing seam is one entry in a file of
// that seam and nothing else; a new file's array is spread here (docs/emulator.md#adding-a-fault).
export const FAULT_CATALOGUE = [
  ...AUTH_FAULTS,
  ...TOKEN_TRUST_FAULTS,
  ...TOKEN_CHECK_FAULTS,
  ...CHECK_ORDER_FAULTS,
  ...PERMISSION_FAULTS,
  ...THROTTLE_FAULTS,
  ...RETRY_AFTER_FAULTS,
  ...REQUEST_FAULTS,
  ...STORE_FAULTS,
  ...DEVICE_LOCK_FAULTS,
  ...CANCEL_DEDUPE_FAULTS,
  ...TENANT_ID_FAULTS,
  ...COMMENT_FAULTS,
  ...FINAL_TYPE_FAULTS,
  ...TENANT_LIST_FAULTS,
  ...LIST_CACHE_FAULTS,
  ...LIST_PROJECTION_FAULTS,
  ...TENANT_CHECK_FAULTS,
  ...ID_CASE_FAULTS,
  ...LIFECYCLE_FAULTS,
  ...ANSWER_FAULTS,
  ...CANCEL_IDENTITY_FAULTS,
  ...MEDIA_TYPE_FAULTS,
  ...TYPE_ANSWER_FAULTS,
  ...READ_ANSWER_FAULTS,
  ...ID_ANSWER_FAULTS,
  ...VERSIONED_ANSWER_FAULTS,
  ...VERSIONED_READ_FAULTS,
  ...VERSIONED_CANCEL_ID_FAULTS,
  ...ROUTE_FAULTS,
  ...WIRE_FAULTS,
] as const satisfies readonly FaultEntry[];

export type FaultName = (typeof FAULT_CATALOGUE)[number]['name'];

export const FAULT_NAMES: readonly FaultName[] = FAULT_CATALOGUE.map((fault) => fault.name);

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}
