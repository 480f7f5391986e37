import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OPEN_POINTS, type ProfileDocument, ProfileFormatError } from '../../contract/index.ts';
import { EMPTY_PROFILE, overlay, readProfileFile } from './profile-document.ts';

// The built-in profiles are the files <name>.profile.json beside this module: adding a file adds a
// profile. `default` reads every open point; every other file lists only what differs and is read over
// it. Loaded and validated once per process, when first asked for.
const DIR = fileURLToPath(new URL('.', import.meta.url));
const SUFFIX = '.profile.json';

let built: Readonly<Record<string, ProfileDocument>> | undefined;

// Name → resolved document (every point with its reading), `default` first.
export function builtInProfiles(): Readonly<Record<string, ProfileDocument>> {
  built ??= load();
  return built;
}

function load(): Record<string, ProfileDocument> {
  const names = readdirSync(DIR)
    .filter((file) => file.endsWith(SUFFIX))
    .map((file) => file.slice(0, -SUFFIX.length))
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
  const read = (name: string) => {
    const file = `${DIR}${name}${SUFFIX}`;
    const document = readProfileFile(file);
    if (document.name !== name)
      throw new ProfileFormatError(
        `${file}: name must be "${name}", the file's name (got "${document.name}")`,
      );
    return document;
  };
  const base = overlay(EMPTY_PROFILE, read('default'));
  const missing = OPEN_POINTS.filter((id) => !(base.points[id] && 'reading' in base.points[id]));
  if (missing.length > 0)
    throw new ProfileFormatError(
      `${DIR}default${SUFFIX}: must read every open point; missing ${missing.join(', ')}`,
    );
  return Object.freeze(
    Object.fromEntries(names.map((name) => [name, name === 'default' ? base : overlay(base, read(name))])),
  );
}
