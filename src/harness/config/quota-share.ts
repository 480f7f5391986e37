import { getContract } from '../../contract/index.ts';

// The smallest share that leaves one call a minute, rounded up to a figure a user would type.
export function minimumShare(perMinute: number): number {
  return Math.ceil((1 / perMinute) * 1000) / 1000;
}

// A share that leaves an operation no call a minute refused every test's first call to it: each
// failed with its own stack trace and the run ended exit 2 after them. It is a setting, said so once
// before any test. `written` is the value as the user wrote it.
export function quotaShareProblem(share: number, written: string): string | undefined {
  const perMinute = getContract().operations.flatMap((op) => (op.rateLimit ? [op.rateLimit.perMinute] : []));
  const least = Math.min(...perMinute);
  if (Math.floor(least * share) >= 1) return undefined;
  return `leaves the API no call a minute (its documented limit is ${least} a minute); set it to at least ${minimumShare(least)} (got "${written}")`;
}
