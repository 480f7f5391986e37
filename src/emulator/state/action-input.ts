import { type ControlActionSeed, STATUSES } from '../../contract/index.ts';
import {
  choiceAt,
  MAX_ID_LENGTH,
  objectAt,
  onlyMembers,
  optionalTextAt,
  type Problems,
  textAt,
} from './input-problems.ts';
import { ACTION_TYPES } from './machine-action.ts';

const ACTION_MEMBERS = [
  'tenantId',
  'machineId',
  'type',
  'status',
  'requestor',
  'requestorComment',
  'scope',
] as const;

// A seeded action of the control protocol (POST /_emulator/machineactions) or of a seed's `actions`.
export function readAction(input: unknown, problems: Problems, path = ''): ControlActionSeed | undefined {
  const body = objectAt(input, path, 'a machine action', problems);
  if (!body) return undefined;
  const found = problems.length;
  onlyMembers(body, path, ACTION_MEMBERS, problems);
  const action = {
    tenantId: textAt(body, path, 'tenantId', problems, MAX_ID_LENGTH)?.toLowerCase(),
    machineId: textAt(body, path, 'machineId', problems, MAX_ID_LENGTH),
    type: choiceAt(body, path, 'type', ACTION_TYPES, problems),
    status: choiceAt(body, path, 'status', STATUSES, problems),
    requestor: optionalTextAt(body, path, 'requestor', problems),
    requestorComment: optionalTextAt(body, path, 'requestorComment', problems),
    scope: optionalTextAt(body, path, 'scope', problems),
  };
  if (problems.length > found) return undefined;
  return action as ControlActionSeed;
}
