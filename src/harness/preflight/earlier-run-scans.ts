import type { TenantTarget } from '../config/target-spec.ts';
import { MAX_PAGES, nextPage } from '../http/next-page.ts';
import { sendRaw } from '../http/raw-request.ts';
import { redactText } from '../redaction/redact.ts';
import { type Clock, WALL_CLOCK } from '../wall-clock.ts';

// A run killed before its teardown (SIGKILL after a CI job's grace period, a runner that died) leaves
// its scan running on MDE_MACHINE_ID, and the next run's write tests all read NA ("a scan is already
// running") with no word of whose it is. Another run's action is not this run's to cancel (it may be
// a run going on elsewhere): the preflight names it instead, with what to do. One line per action.
const TAG = /^mde-conformance ([^:\s]+):/;

export async function earlierRunScans(
  spec: TenantTarget,
  accessToken: string,
  runId: string,
  timeoutMs: number,
  // Called before each page is asked for: each is a call of the tenant's list quota (reports/quota.json).
  onCall: () => void = () => {},
  clock: Clock = WALL_CLOCK,
): Promise<string[]> {
  if (!spec.allowWrites || !spec.machineId) return [];
  const filter = `machineId eq '${spec.machineId.replace(/'/g, "''")}'`;
  // Every page (docs/contract.md#list-order): a tenant that pages its list showed the scan on page 2
  // and the warning was lost.
  let url: string | undefined = `${spec.apiBaseUrl}/api/machineactions?$filter=${encodeURIComponent(filter)}`;
  const value: unknown[] = [];
  // All pages within one request timeout: only a warning is at stake, and the preflight runs under a
  // budget of a few timeouts (20 pages, each in time, stopped a lawful tenant's run with exit 3).
  const deadline = clock.now() + timeoutMs;
  for (let page = 0; url && page < MAX_PAGES && clock.now() < deadline; page++) {
    onCall();
    try {
      const answer = await sendRaw({
        url,
        method: 'GET',
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        timeoutMs: Math.max(1, deadline - clock.now()),
      });
      if (answer.status !== 200) break;
      const body = JSON.parse(answer.text) as { value?: unknown };
      if (!Array.isArray(body?.value)) break;
      value.push(...body.value);
      url = nextPage(body, spec.apiBaseUrl, url);
    } catch {
      // Only a warning is lost: the tests meet the device as it is and say what they find.
      break;
    }
  }
  return (value as { id?: unknown; status?: unknown; requestorComment?: unknown }[]).flatMap((action) => {
    const run = TAG.exec(String(action?.requestorComment ?? ''))?.[1];
    const active = action?.status === 'Pending' || action?.status === 'InProgress';
    if (!run || !active || typeof action.id !== 'string') return [];
    // Before any test this run has started nothing: one with its tag is an earlier run's with the same
    // MDE_RUN_ID (a CI re-run), whose ledger the run sets aside rather than cancel its scan.
    const whose = run === runId ? `an earlier run with this MDE_RUN_ID (${run})` : `run ${run}`;
    // The id is the tenant's text, printed on stderr: one that echoes the caller's token is not quoted.
    return [
      redactText(
        `conformance: warning: action ${action.id} (${action.status}), a scan started by ${whose} of this suite, is still running on MDE_MACHINE_ID: that run ended before its teardown cancelled it, or is running elsewhere. While it runs the device refuses new scans and this run's write tests read NA; if that run is over, cancel the action (Defender portal, or POST /api/machineactions/${action.id}/cancel) or wait for it to end`,
      ),
    ];
  });
}
