// Service accounts (issue 12): tokens that belong to an organisation rather than a person,
// for integrations. A service account reads what an admin reads; what it may change is cut
// down by its scopes and, optionally, to one unit and the units beneath it.
import type { Action, PolicyObject } from './policy.ts';

export const SERVICE_SCOPES = ['read', 'check-ins:write', 'okrs:write', 'admin', 'scim'] as const;
export type ServiceScope = (typeof SERVICE_SCOPES)[number];

const CHECK_IN_ACTIONS: readonly Action[] = ['checkIn.create'];

const OKR_ACTIONS: readonly Action[] = [
  ...CHECK_IN_ACTIONS,
  'objective.create',
  'objective.update',
  'objective.archive',
  'keyResult.manage',
  'objective.score',
  'activity.manage',
  'comment.create',
  'comment.update',
  'comment.delete',
];

/**
 * The actions each scope adds; `read` adds none (reading needs no action), nor does `scim`,
 * which provisions people through /scim/v2 alone (app/scim).
 */
const SCOPE_ACTIONS: Record<Exclude<ServiceScope, 'admin'>, readonly Action[]> = {
  read: [],
  scim: [],
  'check-ins:write': CHECK_IN_ACTIONS,
  'okrs:write': OKR_ACTIONS,
};

/** What a service account is limited to, as the policy sees it. */
export interface ServiceLimits {
  scopes: readonly ServiceScope[];
  /** The unit it is limited to, with every unit beneath it; null when not limited. */
  unitIds: ReadonlySet<string> | null;
}

/** Whether the scopes grant the action at all (the role table decides the rest). */
export function scopesAllow(scopes: readonly ServiceScope[], action: Action): boolean {
  return scopes.some((scope) => scope === 'admin' || SCOPE_ACTIONS[scope].includes(action));
}

/**
 * Whether the limits let a service account take the action on the object. A unit limit
 * admits only what belongs to one of its units: organisation-wide actions (settings,
 * people, cycles) and organisation or personal objectives are outside it.
 */
export function serviceMayAct(limits: ServiceLimits, action: Action, object: PolicyObject): boolean {
  if (!scopesAllow(limits.scopes, action)) return false;
  if (limits.unitIds === null) return true;
  const ofUnit = object.level === undefined || object.level === 'unit';
  return ofUnit && !!object.unitId && limits.unitIds.has(object.unitId);
}

/** Whether the scopes allow any change through the API at all: `read` and `scim` tokens write nothing there. */
export const scopesWrite = (scopes: readonly ServiceScope[]): boolean =>
  scopes.some((scope) => scope !== 'read' && scope !== 'scim');
