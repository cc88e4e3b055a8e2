// The organisation's archive (admins): archived objectives, key results, activities and
// units, newest archived first, with what each belongs to, who archived it and what must be
// restored before it can be. One statement per page: each kind is read backwards along its
// partial index of archived rows (migration 0008) and only a page's worth is joined to the
// audit log.
import { sql, type SQL } from 'drizzle-orm';
import { ARCHIVABLE_KINDS } from '../../core/domain.ts';
import { can } from '../../core/policy.ts';
import { literalLimit, queryRows } from '../../db/raw.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden } from '../errors.ts';
import { pageSize, parseTimeCursor, toPage, type Page, type PageRequest } from '../pagination.ts';
import { actorInOrg } from '../scope.ts';
import { blockingParent, type ArchivableEntity, type ParentKind } from './set-archived.ts';

export interface ListArchivedInput extends PageRequest {
  kind?: ArchivableEntity;
}

interface Named {
  id: string;
  name: string;
}
interface Titled {
  id: string;
  title: string;
}

export interface ArchivedItemView {
  kind: ArchivableEntity;
  id: string;
  title: string;
  version: number;
  archivedAt: string;
  archivedBy: Named | null;
  /** The objective a key result or an activity belongs to. */
  objective: Titled | null;
  /** The key result an activity belongs to. */
  keyResult: Titled | null;
  /** The unit that owns an objective, or the unit above a unit. */
  unit: Named | null;
  /** The person who owns an individual objective. */
  person: Named | null;
  /** Units archived together with this one (beneath it), which come back with it. */
  unitsBeneath: number;
  /** What must be restored first; restoring this alone is refused. */
  blockedBy: { kind: ParentKind; id: string; title: string } | null;
}

/** What each kind may say about where it belongs; a kind leaves out what does not apply (null). */
const CONTEXT_COLUMNS = {
  objective_id: 'uuid',
  objective_title: 'text',
  objective_archived_at: 'timestamptz',
  key_result_id: 'uuid',
  key_result_title: 'text',
  key_result_archived_at: 'timestamptz',
  unit_id: 'uuid',
  unit_name: 'text',
  unit_archived_at: 'timestamptz',
  person_id: 'uuid',
  person_name: 'text',
} as const;
type ContextColumn = keyof typeof CONTEXT_COLUMNS;
type Timestamp = Date | string;

type Row = { [C in ContextColumn]: C extends `${string}_archived_at` ? Timestamp | null : string | null } & {
  kind: ArchivableEntity;
  id: string;
  title: string;
  version: number;
  archived_at: string;
  actor_id: string | null;
  actor_name: string | null;
  units_beneath: number;
};

interface Source {
  /** The archived row is `x`. */
  from: SQL;
  title: SQL;
  context: Partial<Record<ContextColumn, SQL>>;
  where?: SQL;
}

const SOURCES: Record<ArchivableEntity, Source> = {
  objective: {
    from: sql`objectives x
      left join units u on u.org_id = x.org_id and u.id = x.unit_id
      left join accounts p on p.id = x.person_id`,
    title: sql`x.title`,
    context: { unit_id: sql`u.id`, unit_name: sql`u.name`, person_id: sql`p.id`, person_name: sql`p.name` },
  },
  keyResult: {
    from: sql`key_results x join objectives o on o.org_id = x.org_id and o.id = x.objective_id`,
    title: sql`x.title`,
    context: { objective_id: sql`o.id`, objective_title: sql`o.title`, objective_archived_at: sql`o.archived_at` },
  },
  activity: {
    from: sql`activities x
      join key_results kr on kr.org_id = x.org_id and kr.id = x.key_result_id
      join objectives o on o.org_id = x.org_id and o.id = kr.objective_id`,
    title: sql`x.title`,
    context: {
      objective_id: sql`o.id`,
      objective_title: sql`o.title`,
      objective_archived_at: sql`o.archived_at`,
      key_result_id: sql`kr.id`,
      key_result_title: sql`kr.title`,
      key_result_archived_at: sql`kr.archived_at`,
    },
  },
  // A unit archived together with the unit above it is left out: it comes back with that one.
  unit: {
    from: sql`units x left join units up on up.org_id = x.org_id and up.id = x.parent_id`,
    title: sql`x.name`,
    context: { unit_id: sql`up.id`, unit_name: sql`up.name`, unit_archived_at: sql`up.archived_at` },
    where: sql`and up.archived_at is distinct from x.archived_at`,
  },
};

/** One kind's newest archived rows after the cursor, at most `limit`, along its partial index. */
function source(kind: ArchivableEntity, orgId: string, after: [string, string] | undefined, limit: number): SQL {
  const { from, title, context, where } = SOURCES[kind];
  const columns = Object.entries(CONTEXT_COLUMNS).map(
    ([name, type]) => sql`${context[name as ContextColumn] ?? sql.raw(`null::${type}`)} as ${sql.identifier(name)}`,
  );
  return sql`(select ${kind}::text as kind, x.id, ${title} as title, x.version, x.archived_at, ${sql.join(columns, sql`, `)}
      from ${from}
     where x.org_id = ${orgId} and x.archived_at is not null ${where ?? sql``}
       ${after ? sql`and (x.archived_at, x.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
     order by x.archived_at desc, x.id desc
     limit ${literalLimit(limit)})`;
}

/** The organisation's archive, newest archived first, optionally one kind only (admins). */
export async function listArchived(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: ListArchivedInput,
): Promise<Page<ArchivedItemView>> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  if (!can(actor, 'archive.restore')) throw forbidden();
  const limit = pageSize(input);
  const after = parseTimeCursor(input.cursor);
  const kinds = input.kind ? [input.kind] : ARCHIVABLE_KINDS;
  const union = sql.join(
    kinds.map((kind) => source(kind, actor.orgId, after, limit + 1)),
    sql` union all `,
  );
  // Ties in archived_at (a unit and its objectives in one moment) are broken by id, the
  // cursor's second half; the timestamp keeps its microseconds so no row is skipped.
  const rows = await queryRows<Row>(
    deps.db,
    sql`select a.kind, a.id, a.title, a.version, ${sql.join(
      Object.keys(CONTEXT_COLUMNS).map((name) => sql`a.${sql.identifier(name)}`),
      sql`, `,
    )},
          to_char(a.archived_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as archived_at,
          actor.id as actor_id, actor.name as actor_name,
          coalesce(jsonb_array_length(last.after -> 'archivedUnitIds') - 1, 0)::int as units_beneath
     from (select * from (${union}) archived order by archived_at desc, id desc limit ${literalLimit(limit + 1)}) a
     left join lateral (
       select e.actor_id, e.after from audit_events e
        where e.org_id = ${actor.orgId} and e.entity_type = a.kind and e.entity_id = a.id::text
          and e.action = a.kind || '.archive'
        order by e.id desc limit 1
     ) last on true
     left join accounts actor on actor.id = last.actor_id
    order by a.archived_at desc, a.id desc`,
  );
  return toPage(rows, limit, present, (row) => [row.archived_at, row.id]);
}

const named = (id: string | null, name: string | null): Named | null => (id && name !== null ? { id, name } : null);
const titled = (id: string | null, title: string | null): Titled | null =>
  id && title !== null ? { id, title } : null;
const parent = (id: string | null, title: string | null, archivedAt: Timestamp | null) =>
  id && title !== null ? { id, title, archivedAt } : null;

function present(row: Row): ArchivedItemView {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    version: row.version,
    archivedAt: row.archived_at,
    archivedBy: named(row.actor_id, row.actor_name),
    objective: titled(row.objective_id, row.objective_title),
    keyResult: titled(row.key_result_id, row.key_result_title),
    unit: named(row.unit_id, row.unit_name),
    person: named(row.person_id, row.person_name),
    unitsBeneath: row.units_beneath,
    blockedBy: blockingParent({
      objective: parent(row.objective_id, row.objective_title, row.objective_archived_at),
      keyResult: parent(row.key_result_id, row.key_result_title, row.key_result_archived_at),
      unit: parent(row.unit_id, row.unit_name, row.unit_archived_at),
    }),
  };
}
