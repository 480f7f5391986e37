import type { ControlActionSeed } from '../../src/contract/index.ts';
import type { ControlClient } from '../../src/harness/drivers/control-client.ts';
import { ACTION_TYPES } from '../fixtures/action-types.ts';
import { expect, test } from '../helpers/api-test.ts';
import { offlineEmulatorDriver } from './offline-emulator-driver.ts';

// CANCEL.PERSIST seeds an action of every documented type. `scope` is documented for a scan (Quick,
// Full) and an isolation (Full, Selective) only (docs/contract.md#machine-action-fields): a scan's
// Quick on an Offboard or a live response is a seed another emulator may rightly refuse (400, ERROR).
test('a seeded action carries a scope only where its type has one', async () => {
  const seeds: ControlActionSeed[] = [];
  const control = {
    registerMachine: async () => {},
    seedAction: async (seed: ControlActionSeed) => {
      seeds.push(seed);
      return { id: `a${seeds.length}`, status: seed.status };
    },
  } as unknown as ControlClient;
  const driver = offlineEmulatorDriver(control, 'run-seeded-scope');
  for (const type of ACTION_TYPES) await driver.activeActionOfType(type);
  const scopes = Object.fromEntries(seeds.map((s) => [s.type, s.scope]));
  expect(scopes).toEqual(
    Object.fromEntries(
      ACTION_TYPES.map((t) => [t, t === 'RunAntiVirusScan' ? 'Quick' : t === 'Isolate' ? 'Full' : undefined]),
    ),
  );
});
