// A single check-in in one statement, authorisation included: the common case, a person
// checking in on their own key result or an admin on anyone's, costs one round trip to the
// database instead of two (read and authorise, then write). The statement checks the
// policy's grant for the actor (core/policy.ts `grantFor`) in SQL and writes only where it
// holds; it always returns the key result in context as read before the write, so whatever
// it did not write is judged again by the policy itself (`can`), which stays the one source
// of truth: the SQL may grant less than `can` (then the caller writes the slow way), never
// more (src/app/check-ins/granted-check-in.test.ts holds the two together).
import { and, eq, sql } from 'drizzle-orm';
import { grantFor, type Relation } from '../../core/policy.ts';
import type { Queryable } from '../../db/connect.ts';
import { param } from '../../db/prepared-shapes.ts';
import { uuidArrayLiteral } from '../../db/raw.ts';
import { keyResults } from '../../db/schema.ts';
import { authorNameField, selectKeyResultsInContext } from '../key-results/in-context.ts';
import type { OrgActor } from '../scope.ts';

/** The relations the statement can check, each as the SQL twin of its rule in core/policy.ts. */
const SQL_RELATIONS = ['ownsObjective', 'leadsUnit', 'ownsKeyResult'] as const satisfies readonly Relation[];
type SqlRelation = (typeof SQL_RELATIONS)[number];
const isSqlRelation = (relation: Relation): relation is SqlRelation =>
  (SQL_RELATIONS as readonly Relation[]).includes(relation);

/** The statement's grant parameters for the actor; null when only `can` can decide (service accounts). */
export function grantParameters(actor: OrgActor) {
  const grant = grantFor(actor, 'checkIn.create');
  if (!grant || (grant.kind === 'relations' && !grant.relations.every(isSqlRelation))) return null;
  const has = (relation: SqlRelation) => grant.kind === 'relations' && grant.relations.includes(relation);
  return {
    always: grant.kind === 'always',
    ownsObjective: has('ownsObjective'),
    leadsUnit: has('leadsUnit'),
    ownsKeyResult: has('ownsKeyResult'),
    lockedByClosedCycle: grant.kind === 'relations' && grant.lockedByClosedCycle,
    ledUnitIds: uuidArrayLiteral([...actor.ledUnitIds]),
  };
}

/** For an actor only `can` may judge: the statement writes nothing and reads the key result. */
export const NOTHING_GRANTED: NonNullable<ReturnType<typeof grantParameters>> = {
  always: false,
  ownsObjective: false,
  leadsUnit: false,
  ownsKeyResult: false,
  lockedByClosedCycle: true,
  ledUnitIds: '{}',
};

/**
 * True where the actor may check in on key result `k` (of objective `o`, in cycle `c`), the
 * actor's grant given as the placeholders of `grantParameters` and the actor's account id
 * as `authorId`: the SQL twin of `can(actor, 'checkIn.create', …)`.
 */
export const checkInGrantedSql = sql`(${param('always')}::boolean or (
             (not ${param('lockedByClosedCycle')}::boolean or c.status <> 'closed') and (
                  (${param('ownsObjective')}::boolean and o.level = 'person' and o.person_id = ${param('authorId')}::uuid)
               or (${param('leadsUnit')}::boolean and o.level = 'unit' and o.unit_id = any(${param('ledUnitIds')}::uuid[]))
               or (${param('ownsKeyResult')}::boolean and k.owner_id = ${param('authorId')}::uuid))))`;

function build(q: Queryable) {
  // The key result, live and granted to the actor: the same tests as `authorise` and `can`.
  const granted = q.$with('granted', {}).as(
    sql`select k.id, k.version, k.objective_id, o.unit_id, k.current_value, k.confidence
          from key_results k
          join objectives o on o.org_id = k.org_id and o.id = k.objective_id
          join cycles c on c.org_id = o.org_id and c.id = o.cycle_id
         where k.org_id = ${param('orgId')}::uuid and k.id = ${param('keyResultId')}::uuid
           and k.archived_at is null and o.archived_at is null
           and ${checkInGrantedSql}`,
  );
  // Written only at the version read above: a concurrent check-in makes this one write nothing.
  const latest = q.$with('latest', {}).as(
    sql`update key_results k
           set current_value = ${param('value')}::double precision, confidence = ${param('confidence')}::smallint,
               last_check_in_at = ${param('now')}::timestamptz, version = k.version + 1, updated_at = ${param('now')}::timestamptz
          from granted g where k.org_id = ${param('orgId')}::uuid and k.id = g.id and k.version = g.version
        returning k.id`,
  );
  const written = q.$with('written', {}).as(
    sql`insert into check_ins (org_id, key_result_id, author_id, value, confidence, note, blocker, created_at)
        select ${param('orgId')}::uuid, l.id, ${param('authorId')}::uuid, ${param('value')}::double precision,
               ${param('confidence')}::smallint, ${param('note')}::text, ${param('blocker')}::boolean, ${param('now')}::timestamptz
          from latest l
        returning id`,
  );
  const audited = q.$with('audited', {}).as(
    sql`insert into audit_events (org_id, actor_id, action, entity_type, entity_id, objective_id, unit_id, before, after)
        select ${param('orgId')}::uuid, ${param('authorId')}::uuid, 'checkIn.create', 'keyResult', g.id::text, g.objective_id,
               g.unit_id, jsonb_build_object('current', g.current_value, 'confidence', g.confidence),
               jsonb_build_object('current', ${param('value')}::double precision, 'confidence', ${param('confidence')}::smallint,
                                  'checkInId', w.id)
          from granted g cross join written w`,
  );
  return selectKeyResultsInContext(q.with(granted, latest, written, audited), {
    authorName: authorNameField,
    // Set when the check-in was written.
    checkInId: sql<string | null>`(select w.id from written w)`,
  })
    .where(and(eq(keyResults.orgId, param('orgId')), eq(keyResults.id, param('keyResultId'))))
    .prepare('check_in_granted');
}

/** Built once per database (building a query costs more than running it). */
const built = new WeakMap<Queryable, ReturnType<typeof build>>();

export interface GrantedCheckInInput {
  keyResultId: string;
  value: number;
  confidence: number;
  note: string;
  blocker: boolean;
}

/**
 * Writes the check-in if the actor's grant holds in SQL. Answers the key result in context
 * as it was before (none if the organisation has no such key result) and the new check-in's
 * id, null when nothing was written: not granted in SQL, archived, or changed meanwhile.
 */
export async function writeIfGranted(q: Queryable, actor: OrgActor, input: GrantedCheckInInput, now: Date) {
  let statement = built.get(q);
  if (!statement) built.set(q, (statement = build(q)));
  return statement.execute({
    orgId: actor.orgId,
    authorId: actor.accountId,
    ...input,
    now: now.toISOString(),
    ...(grantParameters(actor) ?? NOTHING_GRANTED),
  });
}
