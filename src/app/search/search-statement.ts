// Quick search's one statement: every group (objectives, key results, units, people) is a
// sub-select of its own, limited and ranked in the database, and the answer is one row of
// JSON. Each group's "contains" is served by a trigram index (migration 0010).
import { sql, type SQL } from 'drizzle-orm';
import type { ObjectiveLevel } from '../../core/domain.ts';
import { literalLimit, literalText } from '../../db/raw.ts';
import { readableBy } from '../objectives/records.ts';
import type { OrgActor } from '../scope.ts';
import { searchPatterns } from './like.ts';

export interface SearchHits {
  objectives: {
    id: string;
    title: string;
    level: ObjectiveLevel;
    ownerName: string;
    cycleId: string;
    cycleName: string;
  }[];
  keyResults: { id: string; title: string; objectiveId: string; objectiveTitle: string }[];
  units: { id: string; name: string; kind: string }[];
  people: { accountId: string; name: string; email: string }[];
}

/**
 * The statement for one query (already trimmed and checked). Hits rank exact matches
 * first, then those that start with the query, then the rest; objectives (and key results)
 * of a current cycle (active, and holding `today`) come before other cycles' at each rank.
 */
export function searchStatement(actor: OrgActor, query: string, perGroup: number, today: string): SQL {
  const { prefix, match } = searchPatterns(query);
  // Every value is written into the statement, none bound (db/raw.ts, literalText): the
  // application's PostgreSQL connections plan bound statements generically (connect.ts),
  // and a generic plan can estimate neither a LIKE pattern nor the size of this
  // organisation or of what the caller may read, so it walked a large organisation's
  // objectives one by one instead of reading the few rows the trigram indexes find
  // (200–300 ms instead of 3–50 at 140,000 key results). Planned per request, as a search
  // should be.
  const orgId = sql`${literalText(actor.orgId)}::uuid`;
  // The one rule for who reads which objective (core's canRead as SQL), also for key results;
  // its values are uuids and fixed words.
  const readable = readableBy(actor)?.inlineParams();
  const text = (value: string) => sql`lower(${literalText(value)})`;
  const matches = (column: SQL) => sql`lower(${column}) like any(array[${sql.join(match.map(text), sql`, `)}])`;
  const rank = (column: SQL) =>
    sql`case when lower(${column}) = ${text(query)} then 0 when lower(${column}) like ${text(prefix)} then 1 else 2 end`;
  // Ascending like the other terms: a current cycle's rows first.
  const notCurrent = sql`not (cy.status = 'active' and ${literalText(today)}::date between cy.starts_on and cy.ends_on)`;
  const limit = literalLimit(perGroup);
  /**
   * A group's hits as a JSON array, in the order of the sort key `n` (a row of the terms,
   * ascending), which is not sent. Ordering by it with the limit keeps only the best few
   * while reading (a top-N sort), however many rows match a common word.
   */
  const group = (columns: SQL, from: SQL, order: SQL[]) => sql`(
    select coalesce(json_agg(to_jsonb(h) - 'n' order by h.n), '[]') from (
      select ${columns}, row(${sql.join(order, sql`, `)}) as n
        from ${from}
       order by n limit ${limit}) h)`;

  const title = sql`objectives.title`;
  const objectiveHits = group(
    sql`objectives.id as "id", objectives.title as "title", objectives.level as "level",
        coalesce(u.name, p.name, org.name) as "ownerName", cy.id as "cycleId", cy.name as "cycleName"`,
    sql`objectives
      join cycles cy on cy.id = objectives.cycle_id
      join organizations org on org.id = objectives.org_id
      left join units u on u.id = objectives.unit_id
      left join accounts p on p.id = objectives.person_id
     where objectives.org_id = ${orgId} and objectives.archived_at is null
       and ${matches(title)} ${readable ? sql`and ${readable}` : sql``}`,
    [rank(title), notCurrent, sql`length(${title})`, title, sql`objectives.id`],
  );

  const krTitle = sql`k.title`;
  const keyResultHits = group(
    sql`k.id as "id", k.title as "title", objectives.id as "objectiveId", objectives.title as "objectiveTitle"`,
    sql`key_results k
      join objectives on objectives.id = k.objective_id
      join cycles cy on cy.id = objectives.cycle_id
     where k.org_id = ${orgId} and k.archived_at is null
       and objectives.org_id = ${orgId} and objectives.archived_at is null
       and ${matches(krTitle)} ${readable ? sql`and ${readable}` : sql``}`,
    [rank(krTitle), notCurrent, sql`length(${krTitle})`, krTitle, sql`k.id`],
  );

  const unitName = sql`units.name`;
  const unitHits = group(
    sql`units.id as "id", units.name as "name", units.kind as "kind"`,
    sql`units
     where units.org_id = ${orgId} and units.archived_at is null and ${matches(unitName)}`,
    [rank(unitName), sql`length(${unitName})`, unitName, sql`units.id`],
  );

  // Everyone in an organisation sees who else is in it, e-mail addresses included (as the
  // member list shows them), so a person is found by either.
  const name = sql`a.name`;
  const personHits = group(
    sql`a.id as "accountId", a.name as "name", a.email as "email"`,
    sql`memberships m
      join accounts a on a.id = m.account_id
     where m.org_id = ${orgId} and m.deactivated_at is null
       and (${matches(name)} or ${matches(sql`a.email`)})`,
    [sql`least(${rank(name)}, ${rank(sql`a.email`)})`, sql`length(${name})`, name, sql`a.id`],
  );

  return sql`select json_build_object('objectives', ${objectiveHits}, 'keyResults', ${keyResultHits},
    'units', ${unitHits}, 'people', ${personHits}) as hits`;
}
