import { PreconditionError } from '../precondition-error.ts';

// A tenant's 5xx to a call that may have taken effect (a cancel of an active action, a scan): whether
// it did is unknown, so the test ends without a verdict (tenant-server-failures.ts). A scan's keeps
// its note, for the teardown to look for what it may have started (tenant-scan.ts).
export class ServerFailureError extends PreconditionError {}
