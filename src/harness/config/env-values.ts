import { ConfigError } from '../errors.ts';
import type { Env } from './read-env.ts';

// How the MDE_* variables spell lists, numbers and switches, read alike wherever they are read.

// "a, b,,c" -> ["a", "b", "c"].
export function commaList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

// "TRUE", "1" and "0" are what people write for a switch too; ajv coerces only "true" and "false".
export function asBoolean(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower === '1' ? 'true' : lower === '0' ? 'false' : lower;
}

// A decimal number as a person writes it. Ajv's coercion is JavaScript's Number(), which takes "0x10"
// as 16, "0b1" as 1 and "Infinity": a value nobody meant would run. NaN fails the schema's type, so
// the refusal names the variable with its fix and what was written. The benchmarks' BENCH_* numbers
// are read with it too (scripts/bench-emulator-settings.ts).
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
export function asNumber(value: string): number {
  return DECIMAL.test(value) ? Number(value) : Number.NaN;
}

// A switch read outside the configuration's schema (by the reporters): true or false, and anything
// else refused rather than read as false, so a typo never turns a setting off unnoticed.
export function readSwitch(env: Env, name: string): boolean {
  const raw = env[name]?.trim();
  if (!raw) return false;
  const value = asBoolean(raw);
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError([{ variable: name, problem: `must be true or false (got "${raw}")` }]);
}
