import { type HarnessError, NotApplicableError } from '../../errors.ts';
import { type Exchange, errorCode } from '../../http/exchange.ts';
import { PreconditionError } from '../precondition-error.ts';
import { ScanConfigError } from './scan-config-error.ts';

// What a refused quick scan on MDE_MACHINE_ID means for the test that needed it. Writes were asked
// for, so only a busy device (which the operator cannot help) is NA; a refusal the configuration
// causes is a ScanConfigError; any other answer, no verdict. Lines stay short: a report cuts at 200.

// Documented codes (docs/contract.md#error-codes): the device runs an action of that type already, or
// cannot run it at all.
const ALREADY_RUNNING = 'ActiveRequestAlreadyExists';
const DEVICE_CANNOT = ['OsPlatformNotSupported', 'ClientVersionNotSupported'];

// `clientIdVariable`: where the operator app's id was read from (AZURE_CLIENT_ID when that was set).
export function scanRefusal(exchange: Exchange, clientIdVariable = 'MDE_CLIENT_ID'): HarnessError {
  const { status } = exchange;
  const code = printableCode(exchange);
  const answer = `${status}${code ? ` ${code}` : ''}`;
  if (status === 404)
    return new ScanConfigError(
      `MDE_MACHINE_ID names no device this tenant knows (${answer}); check the id in the Defender portal`,
    );
  if (status === 403)
    return new ScanConfigError(
      `the ${clientIdVariable} app may not start scans (${answer}); grant it WindowsDefenderATP Machine.Scan`,
    );
  if (code && DEVICE_CANNOT.includes(code))
    return new ScanConfigError(`MDE_MACHINE_ID names a device that cannot run a quick scan (${answer})`);
  if (code === ALREADY_RUNNING)
    return new NotApplicableError(
      `a scan is already running on MDE_MACHINE_ID (${answer}); the device runs one at a time`,
    );
  // A duplicate may be refused with any 4xx and code (docs/contract.md#duplicate-create); 401 and 429
  // mean something else.
  if (status >= 400 && status < 500 && status !== 401 && status !== 429)
    return new NotApplicableError(
      `could not start a quick scan on MDE_MACHINE_ID (${answer}); one may already be running there (docs/contract.md#duplicate-create)`,
    );
  return new PreconditionError(
    `could not start a quick scan on MDE_MACHINE_ID to cancel (${answer}); run again`,
  );
}

// The API's error.code, when it looks like one: a target's text is never echoed at length.
function printableCode(exchange: Exchange): string | undefined {
  const code = errorCode(exchange);
  return code && /^[A-Za-z][A-Za-z0-9_.]{0,63}$/.test(code) ? code : undefined;
}
