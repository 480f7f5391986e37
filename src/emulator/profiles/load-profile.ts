import { OPEN_POINTS, type ProfileDocument, parseProfile, type Readings } from '../../contract/index.ts';
import { EmulatorOptionsError } from '../options-error.ts';
import { builtInProfiles } from './built-in-profiles.ts';
import { type ProfileAnswers, profileAnswers } from './profile-answers.ts';
import { overlay, readProfileFile } from './profile-document.ts';

// Where a profile comes from: a built-in name, a file, a document, or all three (each later one read
// over the earlier: default ← name ← file ← document).
export interface ProfileSource {
  profile?: string;
  profileFile?: string;
  profileDocument?: ProfileDocument;
}

// What one emulator answers by: every open point's reading, and the wire's real-time latency.
export interface EmulatorProfile {
  name: string;
  description: string;
  // The built-in profile it starts from, and the file read over it, if any (for the start line and
  // /_emulator/info).
  base: string;
  file?: string;
  // How many points the file reads (the others are the base's), for the start line.
  fileReadings?: number;
  readings: Readings;
  // The readings that may differ by case, resolved per case (profile-answers.ts).
  answers: ProfileAnswers;
  latencyMs: number;
  // The resolved document: every point with its reading.
  document: ProfileDocument;
}

// The resolved document of a source. Throws EmulatorOptionsError for an unknown name and
// ProfileFormatError (one line naming the file and the point) for a bad file or document.
export function loadProfile(source: ProfileSource = {}): ProfileDocument {
  const profiles = builtInProfiles();
  const name = source.profile ?? 'default';
  let document = profiles[name];
  if (!document)
    throw new EmulatorOptionsError(
      `Unknown profile "${name}". Known profiles: ${Object.keys(profiles).join(', ')}.`,
    );
  if (source.profileFile !== undefined) document = overlay(document, readProfileFile(source.profileFile));
  if (source.profileDocument !== undefined)
    document = overlay(document, parseProfile(source.profileDocument, 'profileDocument'));
  return document;
}

export function emulatorProfile(source: ProfileSource = {}): EmulatorProfile {
  const document = loadProfile(source);
  const readings = readingsOf(document);
  return {
    name: document.name ?? 'custom',
    description: document.description ?? '',
    base: source.profile ?? 'default',
    ...(source.profileFile !== undefined
      ? { file: source.profileFile, fileReadings: readingsIn(readProfileFile(source.profileFile)) }
      : {}),
    readings,
    answers: profileAnswers(readings),
    latencyMs: document.timing?.latencyMs ?? 0,
    document,
  };
}

// Every point's reading of a resolved document.
export function readingsOf(document: ProfileDocument): Readings {
  const readings: Record<string, unknown> = {};
  for (const id of OPEN_POINTS) {
    const entry = document.points[id];
    if (!entry || !('reading' in entry)) throw new Error(`The resolved profile has no reading for ${id}.`);
    readings[id] = entry.reading;
  }
  return readings as unknown as Readings;
}

// The points a document reads (not absent, not unknown).
function readingsIn(document: ProfileDocument): number {
  return Object.values(document.points).filter((entry) => entry && 'reading' in entry).length;
}
