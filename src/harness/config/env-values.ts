import { ConfigError } from '../errors.ts';
import type { Env } from './read-env.ts';

// How the MDE_* variables spell lists and switches, read alike wherever they are read.

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

// A switch read outside the configuration's schema (by the reporters): true or false, and anything
// else refused rather than read as false, so a typo never turns a setting off unnoticed.
export function readSwitch(env: Env, name: string): boolean {
  const raw = env[name]?.trim();
  if (!raw) return false;
  const value = asBoolean(raw);
  if (value === 'true' || value === 'false') return value === 'true';
  throw new ConfigError([{ variable: name, problem: `must be true or false (got "${raw}")` }]);
}
