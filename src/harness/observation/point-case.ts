import type { TestInfo } from '@playwright/test';
import { type CasePoint, isFinal } from '../../contract/index.ts';
import type { Exchange } from '../http/exchange.ts';
import type { Seen } from './record-reading.ts';
import { actionIdOf, lastSeenStatus } from './seen-states.ts';

// Which case of a per-case point (docs/calibration.md#per-case) an exchange answered, from the request
// and what the test saw before it; undefined when it cannot be told. From the wire only.
export function caseOf(point: CasePoint, exchange: Exchange, info: TestInfo | undefined): string | undefined {
  switch (point) {
    case 'www-authenticate':
      return exchange.requestHeaders['authorization'] ? 'invalid' : 'missing';
    case 'unknown-id':
      if (exchange.operationId === 'CancelMachineAction') return 'cancel';
      return exchange.operationId === 'GetMachineAction' ? 'get' : undefined;
    case 'final-state-cancel': {
      const id = actionIdOf(exchange);
      const status = id === undefined ? undefined : lastSeenStatus(id, info);
      return status !== undefined && isFinal(status) ? status : undefined;
    }
  }
}

// What one answer tells, keyed by its case ({"missing": ...}); as it is when the case is unknown, which
// then has to agree with every case.
export function inCase<R>(seen: Seen<R>, which: string | undefined): Seen {
  if (which === undefined || !('reading' in seen)) return seen;
  return { ...seen, reading: { [which]: seen.reading } };
}
