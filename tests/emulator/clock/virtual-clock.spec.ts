import { toHttpDate, toUsDateTime, toWireTimestamp } from '../../../src/emulator/clock/timestamps.ts';
import { VirtualClock } from '../../../src/emulator/clock/virtual-clock.ts';
import { expect, test } from '../../helpers/api-test.ts';

test.describe('virtual clock', () => {
  test('now() follows the time source', () => {
    let real = 1_000;
    const clock = new VirtualClock({ now: () => real });
    expect(clock.now()).toBe(1_000);
    real = 2_500;
    expect(clock.now()).toBe(2_500);
  });

  test('advance() moves now() forward by whole and fractional seconds', () => {
    const clock = new VirtualClock({ now: () => 1_000 });
    expect(clock.advance(60)).toBe(61_000);
    expect(clock.advance(0.5)).toBe(61_500);
    expect(clock.advancedSeconds).toBe(60.5);
  });

  test('advance() refuses zero, negative and non-numbers', () => {
    const clock = new VirtualClock({ now: () => 0 });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number])
      expect(() => clock.advance(bad)).toThrow(/seconds > 0/);
  });

  test('advance() moves by the seconds asked even after the time source stepped back', () => {
    let real = 10_000;
    const clock = new VirtualClock({ now: () => real });
    expect(clock.now()).toBe(10_000);
    real = 5_000;
    expect(clock.advance(3)).toBe(13_000);
    real = 6_000;
    expect(clock.now()).toBe(13_000);
  });

  test('now() never goes back even when the time source does', () => {
    let real = 10_000;
    const clock = new VirtualClock({ now: () => real });
    clock.now();
    real = 5_000;
    expect(clock.now()).toBe(10_000);
  });
});

test.describe('timestamps', () => {
  const ms = Date.UTC(2022, 6, 12, 14, 39, 19, 610);

  test('wire timestamps have seven fractional digits and Z', () => {
    expect(toWireTimestamp(ms)).toBe('2022-07-12T14:39:19.6100000Z');
  });

  test('HTTP dates are IMF-fixdate in whole seconds', () => {
    expect(toHttpDate(ms)).toBe('Tue, 12 Jul 2022 14:39:19 GMT');
  });

  test('the US format of the date fault looks like .NET en-US', () => {
    expect(toUsDateTime(Date.UTC(2026, 10, 26, 22, 0, 0))).toBe('11/26/2026 10:00:00 PM');
  });
});
