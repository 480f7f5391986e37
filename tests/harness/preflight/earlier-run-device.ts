// The device the earlier-run specs read (earlier-run-scans.spec.ts, earlier-run-pages.spec.ts): a scan
// of a killed run (run-killed), one of an earlier run with this run's id (RUN), and others'.
export const MACHINE = '1e5bc9d7e413ddd7902c2932e418702b84d0cc07';
export const RUN = 'run-20261205T020719-48ed45';

export const action = (id: string, status: string, requestorComment: string | null) => ({
  id,
  type: 'RunAntiVirusScan',
  status,
  machineId: MACHINE,
  requestorComment,
});
export const DEVICE = [
  action(
    '11111111-0000-4000-8000-000000000001',
    'Pending',
    'mde-conformance run-killed: quick scan to cancel',
  ),
  action(
    '11111111-0000-4000-8000-000000000002',
    'Cancelled',
    'mde-conformance run-killed: quick scan to cancel',
  ),
  action('11111111-0000-4000-8000-000000000003', 'InProgress', 'a person scanning'),
  action('11111111-0000-4000-8000-000000000004', 'Pending', `mde-conformance ${RUN}: quick scan to cancel`),
  action('11111111-0000-4000-8000-000000000005', 'InProgress', null),
];
