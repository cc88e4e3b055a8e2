// Strategy themes (docs/themes.md): kept by those who keep the organisation's profile
// (`org.update`), read by every member with the organisation. Changes name the version
// they saw (If-Match); removing a theme removes it from the objectives that served it.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { THEME_LIMITS } from '../../core/limits.ts';
import { can } from '../../core/policy.ts';
import type { Tx } from '../../db/connect.ts';
import { SQLSTATE, sqlState } from '../../db/errors.ts';
import { uuidArrayLiteral } from '../../db/raw.ts';
import { strategyThemes } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetThemes } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { takeTurnInOrg } from '../org-lock.ts';
import { actorInOrg, isUuid, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertVersion, definedFields } from '../versioning.ts';
import { loadThemes, presentTheme, type ThemeRow, type ThemeView } from './theme-view.ts';

export interface ThemeInput {
  name: string;
  description?: string;
  /** Where it stands in the list; new themes go last. */
  position?: number;
}

const auditOf = (row: ThemeRow) => ({ name: row.name, description: row.description, position: row.position });

/** A blank name names nothing; a taken one would make two themes no one can tell apart. */
function cleanName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw invalid('/body/name', 'required');
  return trimmed;
}

/** The insert or update, with a taken name answered as the field's problem instead of a bare 409. */
async function writeNamed<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (sqlState(error) === SQLSTATE.uniqueViolation) throw invalid('/body/name', 'theme_name_taken');
    throw error;
  }
}

export async function listThemes(deps: AppDeps, caller: Caller, orgId: string): Promise<ThemeView[]> {
  const actor = await actorInOrg(deps.db, caller, orgId);
  return loadThemes(deps, actor.orgId);
}

export async function createTheme(deps: AppDeps, caller: Caller, orgId: string, input: ThemeInput): Promise<ThemeView> {
  const name = cleanName(input.name);
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'org.update')) throw forbidden();
    // Two admins adding the last allowed theme at once must not both get it.
    await takeTurnInOrg(tx, actor.orgId);
    const [counted] = await tx
      .select({ count: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${strategyThemes.position}), -1)` })
      .from(strategyThemes)
      .where(eq(strategyThemes.orgId, actor.orgId));
    const { count = 0, last = -1 } = counted ?? {};
    if (count >= THEME_LIMITS.perOrganization) {
      throw invalid('/body/name', 'too_many_themes', { limit: THEME_LIMITS.perOrganization });
    }
    const [row] = await writeNamed(() =>
      tx
        .insert(strategyThemes)
        .values({
          orgId: actor.orgId,
          name,
          description: input.description?.trim() ?? '',
          position: input.position ?? last + 1,
        })
        .returning(),
    );
    if (!row) throw new Error('the insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'theme.create',
      entityType: 'theme',
      entityId: row.id,
      after: auditOf(row),
    });
    return presentTheme(row);
  }).finally(() => forgetThemes(deps));
}

/** The theme `id`, locked, for a caller who may keep the organisation's themes. */
async function ownTheme(tx: Tx, caller: Caller, id: string): Promise<{ actor: OrgActor; row: ThemeRow }> {
  if (!isUuid(id)) throw notFound('theme');
  const [found] = await tx
    .select({ orgId: strategyThemes.orgId })
    .from(strategyThemes)
    .where(eq(strategyThemes.id, id));
  if (!found) throw notFound('theme');
  const actor = await actorInOrg(tx, caller, found.orgId);
  const [row] = await tx
    .select()
    .from(strategyThemes)
    .where(and(eq(strategyThemes.orgId, actor.orgId), eq(strategyThemes.id, id)))
    .for('update');
  if (!row) throw notFound('theme');
  if (!can(actor, 'org.update')) throw forbidden();
  return { actor, row };
}

export async function updateTheme(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: Partial<ThemeInput>,
): Promise<ThemeView> {
  const name = input.name === undefined ? undefined : cleanName(input.name);
  return inTransaction(deps, async (tx) => {
    const { actor, row } = await ownTheme(tx, caller, id);
    assertVersion(row.version, version);
    if (input.position !== undefined) await moveTheme(tx, actor.orgId, id, input.position);
    const patch = definedFields({ name, description: input.description?.trim() });
    const [after] = await writeNamed(() =>
      tx
        .update(strategyThemes)
        .set({ ...patch, version: row.version + 1, updatedAt: deps.now() })
        .where(and(eq(strategyThemes.orgId, actor.orgId), eq(strategyThemes.id, id)))
        .returning(),
    );
    if (!after) throw notFound('theme');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'theme.update',
      entityType: 'theme',
      entityId: id,
      before: auditOf(row),
      after: auditOf(after),
    });
    return presentTheme(after);
  }).finally(() => forgetThemes(deps));
}

/**
 * Puts the theme at `position` in the list (0 first; beyond the end: last) and numbers the
 * others around it, so the list has no ties. Moves in one organisation take turns.
 */
async function moveTheme(tx: Tx, orgId: string, id: string, position: number): Promise<void> {
  await takeTurnInOrg(tx, orgId);
  const others = await tx
    .select({ id: strategyThemes.id })
    .from(strategyThemes)
    .where(and(eq(strategyThemes.orgId, orgId), ne(strategyThemes.id, id)))
    .orderBy(asc(strategyThemes.position), asc(strategyThemes.createdAt), asc(strategyThemes.id));
  const order = others.map((theme) => theme.id);
  order.splice(Math.min(position, order.length), 0, id);
  await tx.execute(sql`
    update strategy_themes t set position = v.ordinality - 1
      from unnest(${uuidArrayLiteral(order)}::uuid[]) with ordinality v(id, ordinality)
     where t.org_id = ${orgId} and t.id = v.id and t.position <> v.ordinality - 1`);
}

export async function deleteTheme(deps: AppDeps, caller: Caller, id: string, version: number): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { actor, row } = await ownTheme(tx, caller, id);
    assertVersion(row.version, version);
    await tx.delete(strategyThemes).where(and(eq(strategyThemes.orgId, actor.orgId), eq(strategyThemes.id, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'theme.delete',
      entityType: 'theme',
      entityId: id,
      before: auditOf(row),
    });
  }).finally(() => forgetThemes(deps));
}
