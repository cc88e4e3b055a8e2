// The database schema. Every tenant row carries org_id, and every list the API serves
// has an index that starts with org_id (DESIGN.md: design for 10k people, 1M check-ins).
// org_id also leads every organisation table's primary key, unique keys and references to
// its other tables, so Citus can shard by organisation (docs/scaling.md; the rule is checked
// by db/sharding-rule.test.ts).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
/**
 * An organisation's row's own id: unique with org_id (its primary key is (org_id, id), so a
 * distributed PostgreSQL keeps each organisation's rows together; docs/scaling.md).
 */
const rowId = () => uuid('id').notNull().defaultRandom();
/**
 * The organisation's primary key, and a plain index on the id alone: addresses such as
 * /key-results/{id} name a row by its id, and the organisation is checked after.
 */
const orgKeys = (table: string, t: { orgId: AnyPgColumn; id: AnyPgColumn }) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index(`${table}_id_idx`).on(t.id),
];
/** A reference within the organisation: the parent's (org_id, id), so both rows live on one shard. */
const orgReference = (
  name: string,
  columns: [AnyPgColumn, AnyPgColumn],
  parent: { orgId: AnyPgColumn; id: AnyPgColumn },
) => foreignKey({ name, columns, foreignColumns: [parent.orgId, parent.id] });
const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });
const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow();
/** Optimistic concurrency: bumped on every update, sent as the ETag. */
const version = () => integer('version').notNull().default(1);
const archivedAt = () => timestamp('archived_at', { withTimezone: true });

/**
 * The organisation's archive, newest archived first (app/archive/list-archived.ts, read
 * backwards): a partial index holds only the archived rows, so it stays small beside
 * 140,000 live key results and costs their writes nothing.
 */
const archivedIndex = (name: string, t: { orgId: AnyPgColumn; archivedAt: AnyPgColumn; id: AnyPgColumn }) =>
  index(name)
    .on(t.orgId, t.archivedAt, t.id)
    .where(sql`${t.archivedAt} is not null`);

export interface OrgSettings {
  focus?: { objectivesMin: number; objectivesMax: number; keyResultsMin: number; keyResultsMax: number };
  checkInCadenceDays?: number;
  fiscalYearStartMonth?: number;
  /** Coach rules the organisation switched off, by id (core/coach/rule-ids.ts). */
  coach?: { disabledRules: string[] };
  /** Members sign in through single sign-on only; owners keep their password (break-glass). */
  ssoRequired?: boolean;
}

/** What a person chooses to receive by e-mail; a missing key means the default (on). */
export interface NotificationSettings {
  checkInReminders?: boolean;
  weeklyDigest?: boolean;
  mentions?: boolean;
}

export const organizations = pgTable('organizations', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  vision: text('vision').notNull().default(''),
  mission: text('mission').notNull().default(''),
  strategy: text('strategy').notNull().default(''),
  defaultLocale: text('default_locale').notNull().default('sv'),
  settings: jsonb('settings').$type<OrgSettings>().notNull().default({}),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale').notNull().default('sv'),
    passwordHash: text('password_hash'),
    ssoSubject: text('sso_subject'),
    status: text('status').notNull().default('active'),
    notificationSettings: jsonb('notification_settings').$type<NotificationSettings>().notNull().default({}),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`),
    // Single sign-on finds a person by the provider's issuer and subject (app/sso).
    uniqueIndex('accounts_sso_subject_key')
      .on(t.ssoSubject)
      .where(sql`${t.ssoSubject} is not null`),
    // Member lists are ordered by name.
    index('accounts_name_idx').on(t.name, t.id),
    // Quick search (app/search/search-org.ts): any part of a name or e-mail address, by trigrams.
    index('accounts_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('accounts_email_trgm_idx').using('gin', sql`lower(${t.email}) gin_trgm_ops`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    orgId: orgId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
    /**
     * Set when the organisation's provisioning (SCIM, app/scim) deactivated the person here:
     * the membership stays, so their OKRs keep their owner, but it opens nothing (app/scope.ts).
     */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.accountId] }), index('memberships_account_idx').on(t.accountId)],
);

/**
 * What an organisation's identity provider said about one of its members through SCIM
 * (app/scim): its own id for them (externalId), the given and family names it keeps apart
 * (an account has one name), and a version for the resource's ETag. It goes with the
 * membership.
 */
export const scimUsers = pgTable(
  'scim_users',
  {
    orgId: orgId(),
    accountId: uuid('account_id').notNull(),
    externalId: text('external_id'),
    givenName: text('given_name'),
    familyName: text('family_name'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId] }),
    foreignKey({
      columns: [t.orgId, t.accountId],
      foreignColumns: [memberships.orgId, memberships.accountId],
      name: 'scim_users_membership_fk',
    }).onDelete('cascade'),
    // The provider's filter `externalId eq "…"`.
    index('scim_users_external_id_idx').on(t.orgId, t.externalId),
  ],
);

export const units = pgTable(
  'units',
  {
    id: rowId(),
    orgId: orgId(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('team'),
    vision: text('vision').notNull().default(''),
    mission: text('mission').notNull().default(''),
    /** The unit's own check-in cadence; null follows the organisation's. */
    checkInCadenceDays: integer('check_in_cadence_days'),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('units', t),
    orgReference('units_parent_fk', [t.orgId, t.parentId], t),
    index('units_org_parent_idx').on(t.orgId, t.parentId),
    index('units_org_name_idx').on(t.orgId, t.name, t.id),
    archivedIndex('units_org_archived_idx', t),
    index('units_name_trgm_idx')
      .using('gin', sql`lower(${t.name}) gin_trgm_ops`)
      .where(sql`${t.archivedAt} is null`),
    check('units_cadence_range', sql`${t.checkInCadenceDays} between 1 and 90`),
  ],
);

export const unitMembers = pgTable(
  'unit_members',
  {
    orgId: orgId(),
    unitId: uuid('unit_id').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.unitId, t.accountId] }),
    orgReference('unit_members_unit_fk', [t.orgId, t.unitId], units).onDelete('cascade'),
    index('unit_members_org_account_idx').on(t.orgId, t.accountId),
  ],
);

export const cycles = pgTable(
  'cycles',
  {
    id: rowId(),
    orgId: orgId(),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('planning'),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    closedBy: uuid('closed_by').references(() => accounts.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('cycles', t),
    orgReference('cycles_parent_fk', [t.orgId, t.parentId], t),
    index('cycles_org_starts_idx').on(t.orgId, t.startsOn, t.id),
    check('cycles_dates_ordered', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const objectives = pgTable(
  'objectives',
  {
    id: rowId(),
    orgId: orgId(),
    cycleId: uuid('cycle_id').notNull(),
    level: text('level').notNull(),
    unitId: uuid('unit_id'),
    personId: uuid('person_id').references(() => accounts.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull().default('committed'),
    visibility: text('visibility').notNull().default('public'),
    lifecycle: text('lifecycle').notNull().default('published'),
    /** An owner's explicit status; null means the suggested status applies. */
    status: text('status'),
    finalScore: doublePrecision('final_score'),
    /**
     * Superseded by the three-part reflection in `reflections` (migration 0003 copied it
     * there as "what went well"); kept because migrations only add schema.
     */
    reflection: text('reflection').notNull().default(''),
    /** The objective of an earlier cycle this one carries over. */
    carriedFromId: uuid('carried_from_id'),
    /**
     * Figures every reader needs, kept current on write by the database's triggers
     * (migration 0006): the weighted progress of the live key results, and how many live,
     * published, public objectives support this one with the sum of their progress.
     */
    progress: doublePrecision('progress').notNull().default(0),
    supporterCount: integer('supporter_count').notNull().default(0),
    supporterProgressSum: doublePrecision('supporter_progress_sum').notNull().default(0),
    createdBy: uuid('created_by').references(() => accounts.id),
    /**
     * Marked done by its owners before the cycle closes: reached early, it owes no more
     * check-ins and reminders, while it stays in the cycle's figures until it is scored.
     */
    doneAt: timestamp('done_at', { withTimezone: true, precision: 3 }),
    doneBy: uuid('done_by').references(() => accounts.id),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('objectives', t),
    orgReference('objectives_cycle_fk', [t.orgId, t.cycleId], cycles),
    orgReference('objectives_unit_fk', [t.orgId, t.unitId], units),
    orgReference('objectives_carried_from_fk', [t.orgId, t.carriedFromId], t),
    index('objectives_org_cycle_idx').on(t.orgId, t.cycleId, t.createdAt, t.id),
    index('objectives_org_unit_idx').on(t.orgId, t.unitId, t.cycleId),
    index('objectives_org_person_idx').on(t.orgId, t.personId, t.cycleId),
    index('objectives_org_carried_from_idx').on(t.orgId, t.carriedFromId),
    // The organisation's objectives of a cycle (alignment targets on every unit dashboard).
    index('objectives_org_level_cycle_idx').on(t.orgId, t.level, t.cycleId),
    // A level's objectives of a cycle in list order (the home page's organisation objectives):
    // one plan serves every value, so an empty level does not walk the whole cycle.
    index('objectives_org_cycle_level_created_idx').on(t.orgId, t.cycleId, t.level, t.createdAt, t.id),
    archivedIndex('objectives_org_archived_idx', t),
    // Quick search: any part of a live objective's title, by trigrams (migration 0010).
    index('objectives_title_trgm_idx')
      .using('gin', sql`lower(${t.title}) gin_trgm_ops`)
      .where(sql`${t.archivedAt} is null`),
    check(
      'objectives_one_owner',
      sql`(${t.level} = 'organization' and ${t.unitId} is null and ${t.personId} is null)
       or (${t.level} = 'unit' and ${t.unitId} is not null and ${t.personId} is null)
       or (${t.level} = 'person' and ${t.personId} is not null and ${t.unitId} is null)`,
    ),
  ],
);

export const alignments = pgTable(
  'alignments',
  {
    orgId: orgId(),
    objectiveId: uuid('objective_id').notNull(),
    supportsId: uuid('supports_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId, t.supportsId] }),
    orgReference('alignments_objective_fk', [t.orgId, t.objectiveId], objectives).onDelete('cascade'),
    orgReference('alignments_supports_fk', [t.orgId, t.supportsId], objectives).onDelete('cascade'),
    index('alignments_org_supports_idx').on(t.orgId, t.supportsId),
    check('alignments_not_self', sql`${t.objectiveId} <> ${t.supportsId}`),
  ],
);

/**
 * The organisation's strategy as a few named themes (e.g. "Belysning som tjänst"), in the
 * order leadership lists them. Objectives serve them (objective_themes): the organisation's
 * say which themes they carry, and a team with no organisation objective to support in a
 * cycle can still align its own to a theme.
 */
export const strategyThemes = pgTable(
  'strategy_themes',
  {
    id: rowId(),
    orgId: orgId(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('strategy_themes', t),
    index('strategy_themes_org_position_idx').on(t.orgId, t.position, t.createdAt),
    uniqueIndex('strategy_themes_org_name_key').on(t.orgId, sql`lower(${t.name})`),
  ],
);

/** Which themes an objective serves; removing a theme or the objective removes its rows. */
export const objectiveThemes = pgTable(
  'objective_themes',
  {
    orgId: orgId(),
    objectiveId: uuid('objective_id').notNull(),
    themeId: uuid('theme_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId, t.themeId] }),
    orgReference('objective_themes_objective_fk', [t.orgId, t.objectiveId], objectives).onDelete('cascade'),
    orgReference('objective_themes_theme_fk', [t.orgId, t.themeId], strategyThemes).onDelete('cascade'),
    // A theme's objectives (the list filter, the dashboard's progress per theme).
    index('objective_themes_org_theme_idx').on(t.orgId, t.themeId),
  ],
);

export const keyResults = pgTable(
  'key_results',
  {
    id: rowId(),
    orgId: orgId(),
    objectiveId: uuid('objective_id').notNull(),
    ownerId: uuid('owner_id').references(() => accounts.id),
    title: text('title').notNull(),
    metric: text('metric').notNull(),
    startValue: doublePrecision('start_value').notNull().default(0),
    targetValue: doublePrecision('target_value').notNull(),
    currentValue: doublePrecision('current_value').notNull().default(0),
    unit: text('unit').notNull().default(''),
    weight: doublePrecision('weight').notNull().default(1),
    /** Copied from the latest check-in, so lists need not scan a million check-ins. */
    confidence: smallint('confidence'),
    lastCheckInAt: timestamp('last_check_in_at', { withTimezone: true, precision: 3 }),
    position: integer('position').notNull().default(0),
    finalScore: doublePrecision('final_score'),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('key_results', t),
    orgReference('key_results_objective_fk', [t.orgId, t.objectiveId], objectives),
    index('key_results_org_objective_idx').on(t.orgId, t.objectiveId, t.position),
    index('key_results_org_owner_idx').on(t.orgId, t.ownerId),
    archivedIndex('key_results_org_archived_idx', t),
    index('key_results_title_trgm_idx')
      .using('gin', sql`lower(${t.title}) gin_trgm_ops`)
      .where(sql`${t.archivedAt} is null`),
    check('key_results_weight_nonnegative', sql`${t.weight} >= 0`),
    // What key_result_alignments' foreign key names: a key result together with its objective.
    unique('key_results_org_id_objective_key').on(t.orgId, t.id, t.objectiveId),
  ],
);

/**
 * "This objective supports that key result": a narrower alignment, naming which of a
 * supported objective's key results the objective serves (the method's "the team's key
 * result becomes my objective"). Every row lies within an objective-level alignment to the
 * key result's own objective, which the foreign keys hold: the objective link must exist
 * (removing it removes these), and `supports_id` must be the key result's objective. So
 * whatever reads alignments (the map's edges, alignment health, the coach, the supporters'
 * figures, loop checks) already counts an objective that supports a key result as aligned.
 */
export const keyResultAlignments = pgTable(
  'key_result_alignments',
  {
    orgId: orgId(),
    objectiveId: uuid('objective_id').notNull(),
    /** The key result's objective. */
    supportsId: uuid('supports_id').notNull(),
    keyResultId: uuid('key_result_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.objectiveId, t.keyResultId] }),
    foreignKey({
      name: 'key_result_alignments_alignment_fk',
      columns: [t.orgId, t.objectiveId, t.supportsId],
      foreignColumns: [alignments.orgId, alignments.objectiveId, alignments.supportsId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'key_result_alignments_key_result_fk',
      columns: [t.orgId, t.keyResultId, t.supportsId],
      foreignColumns: [keyResults.orgId, keyResults.id, keyResults.objectiveId],
    }).onDelete('cascade'),
    index('key_result_alignments_org_key_result_idx').on(t.orgId, t.keyResultId),
  ],
);

export const checkIns = pgTable(
  'check_ins',
  {
    // Time-ordered (migration 0029): new check-ins' index entries go to the end, not to a random page.
    id: uuid('id')
      .notNull()
      .default(sql`riktning_uuid7()`),
    orgId: orgId(),
    keyResultId: uuid('key_result_id').notNull(),
    authorId: uuid('author_id').references(() => accounts.id),
    value: doublePrecision('value').notNull(),
    confidence: smallint('confidence').notNull(),
    note: text('note').notNull().default(''),
    /** The note names something that stops progress: the weekly meeting lists it first. */
    blocker: boolean('blocker').notNull().default(false),
    createdAt: createdAt(),
    /** Moves with each correction by its author (core/check-in-correction.ts). */
    version: integer('version').notNull().default(1),
    /** When its author last corrected it; null if never. */
    correctedAt: timestamp('corrected_at', { withTimezone: true }),
  },
  (t) => [
    ...orgKeys('check_ins', t),
    orgReference('check_ins_key_result_fk', [t.orgId, t.keyResultId], keyResults),
    // Newest first, matching the history's ORDER BY created_at DESC, id DESC exactly.
    index('check_ins_org_kr_newest_idx').on(
      t.orgId,
      t.keyResultId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    check('check_ins_confidence_range', sql`${t.confidence} between 0 and 10`),
  ],
);

export const activities = pgTable(
  'activities',
  {
    id: rowId(),
    orgId: orgId(),
    keyResultId: uuid('key_result_id').notNull(),
    ownerId: uuid('owner_id').references(() => accounts.id),
    title: text('title').notNull(),
    status: text('status').notNull().default('todo'),
    dueOn: date('due_on', { mode: 'string' }),
    archivedAt: archivedAt(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('activities', t),
    orgReference('activities_key_result_fk', [t.orgId, t.keyResultId], keyResults),
    index('activities_org_kr_idx').on(t.orgId, t.keyResultId, t.createdAt),
    index('activities_org_owner_idx').on(t.orgId, t.ownerId, t.status),
    archivedIndex('activities_org_archived_idx', t),
  ],
);

export const comments = pgTable(
  'comments',
  {
    id: rowId(),
    orgId: orgId(),
    objectiveId: uuid('objective_id').notNull(),
    keyResultId: uuid('key_result_id'),
    authorId: uuid('author_id').references(() => accounts.id),
    body: text('body').notNull(),
    /** Set when the author changed the text; the audit log keeps what it said before. */
    editedAt: timestamp('edited_at', { withTimezone: true, precision: 3 }),
    /** A removed comment keeps its place in the conversation, without its text. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    ...orgKeys('comments', t),
    orgReference('comments_objective_fk', [t.orgId, t.objectiveId], objectives),
    orgReference('comments_key_result_fk', [t.orgId, t.keyResultId], keyResults),
    index('comments_org_objective_idx').on(t.orgId, t.objectiveId, t.createdAt, t.id),
  ],
);

/** Append-only: nothing updates or deletes these rows. An organisation's; a person's own are in account_audit_events. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    orgId: orgId(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The objective and unit the change belongs to, where there is one: the activity feeds. */
    objectiveId: uuid('objective_id'),
    unitId: uuid('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('audit_events_org_entity_idx').on(t.orgId, t.entityType, t.entityId),
    index('audit_events_org_objective_idx').on(t.orgId, t.objectiveId, t.id),
    index('audit_events_org_unit_idx').on(t.orgId, t.unitId, t.id),
    index('audit_events_org_actor_idx').on(t.orgId, t.actorId, t.id),
    index('audit_events_org_action_idx').on(t.orgId, t.action, t.id),
  ],
);

/**
 * Append-only, as audit_events: what a person did to their own account, in no organisation
 * (signing in, API tokens, password, profile). Migration 0026 moved these rows out of
 * audit_events, whose rows all belong to an organisation (docs/scaling.md).
 */
export const accountAuditEvents = pgTable(
  'account_audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('account_audit_events_actor_idx').on(t.actorId, t.id)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    /** The end however busy: a fresh sign-in is needed after it (app/auth/session.ts). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * When it was last used, recorded coarsely (app/auth/session-idle.ts): a session unused
     * for longer than the idle timeout ends before `expires_at`.
     */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * An organisation's own OpenID Connect provider, set by its admins (app/sso/org-providers.ts),
 * beside or instead of the installation's (OIDC_ISSUER). Its people start at the sign-in
 * page's ?org=<slug>; new accounts of its allowed domains join it. The client secret is
 * never answered back.
 */
export const orgSsoProviders = pgTable('org_sso_providers', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  name: text('name').notNull(),
  allowedDomains: text('allowed_domains')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  groupsClaim: text('groups_claim').notNull().default('groups'),
  /** Group → role in the organisation, applied at every sign-in. */
  roleMap: jsonb('role_map').$type<Record<string, string>>().notNull().default({}),
  version: version(),
  updatedAt: updatedAt(),
});

/**
 * A single sign-on on its way: made when the browser is sent to the identity provider,
 * taken (deleted) when it comes back, at most once. The browser holds the id in a cookie;
 * only its SHA-256 is stored. The PKCE verifier and the nonce never leave the server.
 */
export const ssoLogins = pgTable(
  'sso_logins',
  {
    idHash: text('id_hash').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** A path of the web app to land on afterwards. */
    returnTo: text('return_to'),
    /** The organisation whose own provider it went to; null: the installation's. */
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sso_logins_expires_idx').on(t.expiresAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Chosen at creation; null: the token lasts until revoked. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId, t.createdAt)],
);

/**
 * An organisation's service account (issue 12): an account that is no person, for an
 * integration. It signs in with nothing but its API tokens (api_tokens, one live at a
 * time), has no membership (app/scope.ts gives it an admin's reach in its organisation
 * alone), and acts within its scopes and, when set, one unit and those beneath it. Its
 * name is the account's, so the audit log names it.
 */
export const serviceAccounts = pgTable(
  'service_accounts',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    orgId: orgId(),
    scopes: text('scopes').array().notNull(),
    unitId: uuid('unit_id'),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    /** Days each token issued to it lasts, at creation and at every rotation; null: until revoked. */
    tokenLifetimeDays: integer('token_lifetime_days'),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.accountId] }),
    // Its API token names the account alone (app/scope.ts).
    index('service_accounts_account_idx').on(t.accountId),
    orgReference('service_accounts_unit_fk', [t.orgId, t.unitId], units),
    index('service_accounts_org_idx').on(t.orgId, t.createdAt),
  ],
);

/**
 * An invitation to an organisation, sent to the person's address. Only a SHA-256 hash of
 * the token is stored; a link is open while not accepted and not expired (issuing a fresh
 * one expires the older open ones). With a role, the person becomes a member only when
 * they accept (setting a password if they have no way to sign in yet, else signed in as
 * the account); without one (links for people who are members already), accepting sets
 * the password.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: rowId(),
    orgId: orgId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, precision: 3 }),
    /** The organisation role the person gets on accepting; null: a member already. */
    role: text('role'),
  },
  (t) => [
    ...orgKeys('invitations', t),
    unique('invitations_org_token_hash_key').on(t.orgId, t.tokenHash),
    // The link carries the token alone: it finds the invitation in any organisation.
    index('invitations_token_hash_idx').on(t.tokenHash),
    index('invitations_org_account_idx').on(t.orgId, t.accountId),
  ],
);

/**
 * What an objective's owners or a unit learned from a cycle (DESIGN.md: scoring and
 * reflection): one row per objective, or per unit and cycle.
 */
export const reflections = pgTable(
  'reflections',
  {
    id: rowId(),
    orgId: orgId(),
    cycleId: uuid('cycle_id').notNull(),
    objectiveId: uuid('objective_id'),
    unitId: uuid('unit_id'),
    wentWell: text('went_well').notNull().default(''),
    learned: text('learned').notNull().default(''),
    changeNext: text('change_next').notNull().default(''),
    authorId: uuid('author_id').references(() => accounts.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    ...orgKeys('reflections', t),
    orgReference('reflections_cycle_fk', [t.orgId, t.cycleId], cycles),
    orgReference('reflections_objective_fk', [t.orgId, t.objectiveId], objectives),
    orgReference('reflections_unit_fk', [t.orgId, t.unitId], units),
    uniqueIndex('reflections_org_objective_key').on(t.orgId, t.objectiveId),
    uniqueIndex('reflections_org_unit_cycle_key').on(t.orgId, t.unitId, t.cycleId),
    index('reflections_org_cycle_idx').on(t.orgId, t.cycleId),
    check('reflections_one_subject', sql`(${t.objectiveId} is null) <> (${t.unitId} is null)`),
  ],
);

/**
 * The in-app inbox (the header's bell): one row per person told about a comment, written
 * in the comment's transaction (app/comments/notify-comment.ts). `mention`: the comment
 * names them; `comment`: it is on an objective they own (their own, or their unit's as its
 * lead). The unique key makes a comment notify a person once, whatever edits follow.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: rowId(),
    orgId: orgId(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** mention or comment (core/inbox.ts) */
    kind: text('kind').notNull(),
    objectiveId: uuid('objective_id').notNull(),
    commentId: uuid('comment_id').notNull(),
    authorId: uuid('author_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    /** Null while unread. */
    readAt: timestamp('read_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    ...orgKeys('notifications', t),
    orgReference('notifications_objective_fk', [t.orgId, t.objectiveId], objectives),
    orgReference('notifications_comment_fk', [t.orgId, t.commentId], comments),
    // My inbox, newest first (read backwards), paged by (created_at, id).
    index('notifications_org_recipient_created_idx').on(t.orgId, t.recipientId, t.createdAt, t.id),
    // The bell's unread count reads only the unread rows, however long the history.
    index('notifications_org_recipient_unread_idx')
      .on(t.orgId, t.recipientId, t.createdAt)
      .where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_org_recipient_comment_key').on(t.orgId, t.recipientId, t.commentId),
    check('notifications_kind', sql`${t.kind} in ('mention', 'comment')`),
  ],
);

/**
 * E-mail to send, and the record of what was sent: the outbox. A message is written in the
 * same transaction as its cause, rendered in the recipient's language; the dedupe key makes
 * a second enqueue of the same reminder a no-op, and senders claim rows with
 * FOR UPDATE SKIP LOCKED so two server processes never send one message twice.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: rowId(),
    orgId: orgId(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    toAddress: text('to_address').notNull(),
    /** check_in_reminder, weekly_digest, mention */
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** pending, sending, sent, failed, or held (no mail server: kept for admins to read). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true, precision: 3 }),
    sentAt: timestamp('sent_at', { withTimezone: true, precision: 3 }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    ...orgKeys('outbox_messages', t),
    // Every dedupe key names its organisation's rows (app/notifications), so per organisation is as unique.
    unique('outbox_messages_org_dedupe_key').on(t.orgId, t.dedupeKey),
    index('outbox_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('outbox_messages_org_created_idx').on(t.orgId, t.createdAt, t.id),
    index('outbox_messages_org_recipient_idx').on(t.orgId, t.recipientId, t.createdAt, t.id),
  ],
);

/**
 * The sheet import's choices per organisation (docs/sheet-import.md): each header a sheet had
 * (normalised: no case, accents or punctuation) and the field its column fed, or null when
 * it was left out on purpose. The next sheet with that header is offered the same.
 */
export const sheetMappings = pgTable(
  'sheet_mappings',
  {
    orgId: orgId(),
    header: text('header').notNull(),
    field: text('field'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.header] })],
);

/**
 * Webhook subscriptions (docs/webhooks.md): an organisation's URL and the events it wants.
 * The secret signs each delivery; while one is rotated, the previous one signs too until
 * `previous_secret_until`, so receivers can switch without missing a delivery.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamp('previous_secret_until', { withTimezone: true, precision: 3 }),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('webhook_subscriptions_org_created_idx').on(t.orgId, t.createdAt),
    // /webhooks/{id} names a subscription by its id alone; the organisation is checked after.
    index('webhook_subscriptions_id_idx').on(t.id),
  ],
);

/**
 * One event for one subscription, delivered at least once: `id` is the delivery's
 * `webhook-id`, the same on every retry, and `body` is fixed when the event happens.
 * Claimed by the job runner as the outbox is (pending, or delivering with a lapsed lease;
 * FOR UPDATE SKIP LOCKED), so any number of server processes may deliver.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    subscriptionId: uuid('subscription_id').notNull(),
    eventType: text('event_type').notNull(),
    /** `{type, timestamp, data}` as sent. */
    body: text('body').notNull(),
    /** pending, delivering, delivered or failed. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3 }),
    responseStatus: integer('response_status'),
    /** The start of what the receiver answered, or why nothing was sent. */
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.subscriptionId],
      foreignColumns: [webhookSubscriptions.orgId, webhookSubscriptions.id],
    }).onDelete('cascade'),
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'delivering')`),
    index('webhook_deliveries_subscription_idx').on(t.orgId, t.subscriptionId, t.createdAt, t.id),
  ],
);

/**
 * A Slack or Teams channel (docs/chat.md): the organisation's (`unit_id` null) or a unit's.
 * `url` is the channel's incoming webhook, a secret: answered masked once it is stored.
 * `messages` are the chat message kinds it wants (core/chat/chat-channel.ts).
 */
export const chatChannels = pgTable(
  'chat_channels',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    unitId: uuid('unit_id'),
    /** slack or teams. */
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    messages: text('messages').array().notNull(),
    createdBy: uuid('created_by').references(() => accounts.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    orgReference('chat_channels_unit_fk', [t.orgId, t.unitId], units).onDelete('cascade'),
    index('chat_channels_org_unit_idx').on(t.orgId, t.unitId, t.createdAt),
    // /chat-channels/{id} names a channel by its id alone; the organisation is checked after.
    index('chat_channels_id_idx').on(t.id),
    check('chat_channels_kind', sql`${t.kind} in ('slack', 'teams')`),
  ],
);

/**
 * One message for one channel, posted at least once by the job runner as webhook deliveries
 * are (claimed FOR UPDATE SKIP LOCKED with a lease, retried, then failed). `body` is the
 * chat's JSON, fixed when it is queued; `dedupe_key` keeps a scheduled message (a week's
 * digest, a cycle's closing) to one per channel however many processes schedule it.
 */
export const chatPosts = pgTable(
  'chat_posts',
  {
    id: uuid('id').notNull().defaultRandom(),
    orgId: orgId(),
    channelId: uuid('channel_id').notNull(),
    /** A chat message kind, or `test`. */
    messageKind: text('message_kind').notNull(),
    dedupeKey: text('dedupe_key'),
    body: text('body').notNull(),
    /** pending, delivering, delivered or failed, as webhook deliveries. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, precision: 3 }),
    responseStatus: integer('response_status'),
    /** The start of what the chat answered, or why nothing was sent. */
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({
      columns: [t.orgId, t.channelId],
      foreignColumns: [chatChannels.orgId, chatChannels.id],
    }).onDelete('cascade'),
    uniqueIndex('chat_posts_dedupe_idx').on(t.orgId, t.dedupeKey),
    index('chat_posts_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'delivering')`),
    index('chat_posts_channel_idx').on(t.orgId, t.channelId, t.createdAt, t.id),
  ],
);

/**
 * Moves shortly after every write transaction of any server process (app/write-mark.ts). A
 * sequence, so that bumping it takes no lock that writers could queue on, and reading it
 * sees every process's last bump at once. A process keeps a read's answer only while the
 * mark has not moved (server/kept-reads.ts).
 */
export const writeMark = pgSequence('riktning_write_mark');
