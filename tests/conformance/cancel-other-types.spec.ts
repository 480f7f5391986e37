import {
  ACTION_TYPES,
  cancelActive,
  expect,
  firstCancelled,
  notApplicable,
  otherPendingOnDevice,
  readAction,
  req,
  statusOf,
  suite,
  test,
} from '../fixtures/index.ts';

// The cancel page limits cancel by state, never by type (docs/contract.md#cancel): an isolation is
// cancelled as a scan is. Every other test cancels scans, so a target that stores only a scan's cancel
// (an isolated device left isolated) passed them all. Emulators only: a tenant run starts nothing but
// scans on a real device, and activeActionBehind says so (N/A).
suite('cancel of an action of another type', () => {
  test(
    'GET after a cancel of an active action other than a scan shows it cancelled',
    req('CANCEL.PERSIST'),
    async ({ driver, api, need }) => {
      // The action started before this scan on its device is of another type (activeActionBehind).
      const scan = await need(driver.activeActionBehind());
      const machineId = String(scan.machineId ?? '');
      if (!machineId) await need(notApplicable('the active scan names no device to find another action on'));
      const other = await otherPendingOnDevice(api, machineId, String(scan.id));
      const id = 'id' in other ? other.id : await need(notApplicable(other.none));
      const cancel = await cancelActive(driver, api, id, { Comment: 'conformance: another type' });
      expect(cancel).toHaveStatus(200);
      const shown = await firstCancelled(driver, api, id, await api.get(id));
      expect(
        statusOf(shown ?? (await readAction(api, id))),
        'a GET shows the action of another type Cancelled within the bounded wait',
      ).toBe('Cancelled');
      // Every other documented type too, each on a device of its own: a target may store the cancel of
      // one type and not of another (a live response's session left running).
      for (const type of ACTION_TYPES.filter((t) => t !== 'RunAntiVirusScan' && t !== 'Isolate')) {
        const action = await need(driver.activeActionOfType(type));
        const res = await cancelActive(driver, api, action.id, { Comment: `conformance: cancel a ${type}` });
        expect(res, `the cancel of a ${type} action`).toHaveStatus(200);
        const seen = await firstCancelled(driver, api, action.id, await api.get(action.id));
        expect(
          statusOf(seen ?? (await readAction(api, action.id))),
          `a GET shows the ${type} action Cancelled within the bounded wait`,
        ).toBe('Cancelled');
      }
    },
  );
});
