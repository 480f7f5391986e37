import { readFileSync } from 'node:fs';
import { writeWhole } from '../../common/write-whole.ts';
import { type ProfileDocument, parseProfile } from '../../contract/index.ts';
import { scrubValue } from '../compliance/scrub.ts';

// Writes the observed profile, checked against schemas/observed-profile.schema.json before it is
// written and again as read back; scrubbed like every report.
export function writeObservedProfile(file: string, document: ProfileDocument): ProfileDocument {
  const scrubbed = scrubValue(document);
  parseProfile(scrubbed, `${file} (about to be written)`);
  writeWhole(file, `${JSON.stringify(scrubbed, null, 2)}\n`);
  return readObservedProfile(file);
}

// Reads and validates a profile file; a problem is one ProfileFormatError line naming the file and point.
export function readObservedProfile(file: string): ProfileDocument {
  return parseProfile(JSON.parse(readFileSync(file, 'utf8')) as unknown, file, { quote: false });
}
