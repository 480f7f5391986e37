import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSyntaxWhere } from '../../common/json-syntax-error.ts';
import { readUserFile } from '../../common/regular-file.ts';
import { unreadableFile } from '../../common/unreadable-file.ts';
import { parseUserJson } from '../../common/user-json.ts';
import {
  OPEN_POINTS,
  type PointEntry,
  type ProfileDocument,
  ProfileFormatError,
  parseProfile,
} from '../../contract/index.ts';
import { profileSizeProblem } from '../../contract/profile-size.ts';

// Reads and validates a profile file once per process (again only if the file changed); every problem
// is one ProfileFormatError line naming the file and, when there is one, the point.
const loaded = new Map<string, { mtimeMs: number; document: ProfileDocument }>();

export function readProfileFile(file: string): ProfileDocument {
  const path = resolve(file);
  let mtimeMs: number;
  let bytes: Buffer;
  let size: number;
  try {
    ({ mtimeMs, size } = statSync(path));
    const cached = loaded.get(path);
    if (cached?.mtimeMs === mtimeMs) return cached.document;
    bytes = profileSizeProblem(size) ? Buffer.alloc(0) : readUserFile(path);
  } catch (error) {
    throw new ProfileFormatError(
      `${file}: cannot read the profile file: ${unreadableFile(error, file)}${builtInHint(file)}`,
    );
  }
  const tooLarge = profileSizeProblem(size);
  if (tooLarge) throw new ProfileFormatError(`${file}: ${tooLarge}`);
  let data: unknown;
  try {
    data = parseUserJson(bytes);
  } catch (error) {
    throw new ProfileFormatError(`${file}: not valid JSON (${jsonSyntaxWhere(error)})`);
  }
  const document = parseProfile(data, file, { quote: false });
  loaded.set(path, { mtimeMs, document });
  return document;
}

// A built-in profile's name given as a file (`--profile-file lagging`, `profile:compare default ...`):
// name its file, which reads as the name does.
function builtInHint(file: string): string {
  const builtIn = fileURLToPath(new URL(`./${file}.profile.json`, import.meta.url));
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(file) || !existsSync(builtIn)) return '';
  return `; "${file}" is a built-in profile, whose file is ${relative(process.cwd(), builtIn)}`;
}

// A document that reads nothing: overlay(EMPTY_PROFILE, doc) is doc's readings alone.
export const EMPTY_PROFILE: ProfileDocument = { profileVersion: 1, points: {} };

// `layer` over `base`: each point the layer reads replaces the base's; a point the layer leaves absent
// or unknown keeps the base's reading. Names, description, source and timing follow the same rule. The
// result holds readings only (no evidence, notes or $schema).

export function overlay(base: ProfileDocument, layer: ProfileDocument): ProfileDocument {
  const points: Record<string, PointEntry> = {};
  for (const id of OPEN_POINTS) {
    const entry = layer.points[id] ?? base.points[id];
    const kept = entry && 'reading' in entry ? entry : base.points[id];
    if (kept && 'reading' in kept) points[id] = { reading: kept.reading } as PointEntry;
  }
  const name = layer.name ?? base.name;
  const description = layer.description ?? base.description;
  const source = layer.source ?? base.source;
  return {
    profileVersion: 1,
    ...(name === undefined ? {} : { name }),
    ...(description === undefined ? {} : { description }),
    ...(source === undefined ? {} : { source }),
    timing: { latencyMs: layer.timing?.latencyMs ?? base.timing?.latencyMs ?? 0 },
    points: points as ProfileDocument['points'],
  };
}
