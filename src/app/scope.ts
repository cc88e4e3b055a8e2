// Tenant scoping lives here, not in each route: a caller reaches an organisation only
// through a membership, and a resource only through the organisation it belongs to.
// Ids of another organisation (or of nothing) answer not_found, never forbidden, so
// they reveal nothing.
import { sql } from 'drizzle-orm';
import type { Subject } from '../core/policy.ts';
import type { Queryable } from '../db/connect.ts';
import { queryRows } from '../db/raw.ts';
import type { MembershipGrant } from './caches.ts';
import type { Caller, ServiceGrant } from './context.ts';
import { notFound } from './errors.ts';

export interface OrgActor extends Subject {
  orgId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Tables addressed by id in the API, each with an org_id column. */
export const SCOPED_TABLES = {
  unit: 'units',
  cycle: 'cycles',
  objective: 'objectives',
  keyResult: 'key_results',
  checkIn: 'check_ins',
  activity: 'activities',
  comment: 'comments',
} as const;
export type ScopedEntity = keyof typeof SCOPED_TABLES;

/**
 * The caller as a member of one organisation, with the units they lead (and those beneath).
 * A membership that provisioning deactivated (app/scim) opens nothing.
 */
export async function actorInOrg(q: Queryable, caller: Caller, orgId: string): Promise<OrgActor> {
  if (!isUuid(orgId)) throw notFound('organization');
  const grant = await membershipGrant(q, caller, orgId);
  if (!grant) throw notFound('organization');
  return actorFrom(orgId, caller, grant);
}

/** The caller as a member of the organisation that owns one resource. */
export async function actorForResource(
  q: Queryable,
  caller: Caller,
  entity: ScopedEntity,
  id: string,
): Promise<OrgActor> {
  if (!isUuid(id)) throw notFound(entity);
  const orgId = await orgOfResource(q, caller, entity, id);
  // Not a member answers like no such resource: it reveals nothing.
  const grant = orgId === null ? null : await membershipGrant(q, caller, orgId);
  if (orgId === null || !grant) throw notFound(entity);
  return actorFrom(orgId, caller, grant);
}

function actorFrom(orgId: string, caller: Caller, grant: MembershipGrant): OrgActor {
  const actor: OrgActor = { orgId, accountId: caller.accountId, role: grant.role, ledUnitIds: new Set(grant.led) };
  if (caller.service) {
    const limitedTo = grant.limitedTo ?? null;
    actor.service = { scopes: caller.service.scopes, unitIds: limitedTo && new Set(limitedTo) };
  }
  return actor;
}

/**
 * The organisation a resource belongs to, or null when there is none. A resource never
 * moves to another organisation, so its owner is cached for long.
 */
export async function orgOfResource(
  q: Queryable,
  caller: Caller,
  entity: ScopedEntity,
  id: string,
): Promise<string | null> {
  if (!isUuid(id)) return null;
  const loadOwner = async () => {
    const table = sql.identifier(SCOPED_TABLES[entity]);
    const [row] = await queryRows<{ org_id: string }>(q, sql`select t.org_id from ${table} t where t.id = ${id}`);
    return row?.org_id ?? null;
  };
  return caller.caches ? caller.caches.owners.get(`${entity}:${id}`, loadOwner) : loadOwner();
}

function membershipGrant(q: Queryable, caller: Caller, orgId: string): Promise<MembershipGrant | null> {
  const service = caller.service;
  const load = service
    ? () => loadServiceGrant(q, service, orgId)
    : () => loadMembershipGrant(q, caller.accountId, orgId);
  return caller.caches ? caller.caches.actors.get(`${caller.accountId}:${orgId}`, load) : load();
}

async function loadMembershipGrant(q: Queryable, accountId: string, orgId: string): Promise<MembershipGrant | null> {
  const [row] = await queryRows<MembershipGrant>(
    q,
    sql`
    with recursive led(id) as (
      select u.id from unit_members um join units u on u.id = um.unit_id
       where um.org_id = ${orgId} and um.account_id = ${accountId} and um.role = 'lead'
         and u.archived_at is null
      union
      select c.id from units c join led on c.parent_id = led.id
       where c.org_id = ${orgId} and c.archived_at is null
    )
    select m.role, coalesce((select json_agg(id) from led), '[]'::json) as led
      from memberships m
     where m.org_id = ${orgId} and m.account_id = ${accountId} and m.deactivated_at is null`,
  );
  return row ?? null;
}

/**
 * A service account is no member: it reaches its own organisation alone, with an admin's
 * role that its scopes cut down (core/service-scopes.ts), and when limited to a unit, that
 * unit and those beneath it.
 */
async function loadServiceGrant(q: Queryable, service: ServiceGrant, orgId: string): Promise<MembershipGrant | null> {
  if (service.orgId !== orgId) return null;
  if (service.unitId === null) return { role: 'admin', led: [], limitedTo: null };
  const [row] = await queryRows<{ units: string[] }>(
    q,
    sql`
    with recursive beneath(id) as (
      select u.id from units u where u.org_id = ${orgId} and u.id = ${service.unitId} and u.archived_at is null
      union
      select c.id from units c join beneath on c.parent_id = beneath.id
       where c.org_id = ${orgId} and c.archived_at is null
    )
    select coalesce((select json_agg(id) from beneath), '[]'::json) as units`,
  );
  return { role: 'admin', led: [], limitedTo: row?.units ?? [] };
}
