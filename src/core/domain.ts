// The vocabulary of the OKR method, shared by server, CLI and web app.

export const ORG_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const UNIT_ROLES = ['lead', 'member'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

export const UNIT_KINDS = ['division', 'department', 'team', 'group'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CYCLE_STATUSES = ['planning', 'active', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** Who owns an objective: the organisation itself, one unit, or one person. */
export const OBJECTIVE_LEVELS = ['organization', 'unit', 'person'] as const;
export type ObjectiveLevel = (typeof OBJECTIVE_LEVELS)[number];

export const OBJECTIVE_KINDS = ['committed', 'aspirational', 'development'] as const;
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number];

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const LIFECYCLES = ['draft', 'published', 'closed'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export const STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type Status = (typeof STATUSES)[number];

export const METRICS = ['increase_to', 'decrease_to', 'stay_at_or_above', 'stay_at_or_below', 'milestone'] as const;
export type Metric = (typeof METRICS)[number];

export const ACTIVITY_STATUSES = ['todo', 'doing', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Why the inbox tells someone about a comment: it names them, or it is on an objective they own. */
export const NOTIFICATION_KINDS = ['mention', 'comment'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What is archived instead of deleted, and can be restored. */
export const ARCHIVABLE_KINDS = ['objective', 'keyResult', 'activity', 'unit'] as const;
export type ArchivableKind = (typeof ARCHIVABLE_KINDS)[number];

export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const CONFIDENCE_MIN = 0;
export const CONFIDENCE_MAX = 10;

/**
 * The owner filter that means "the caller" (`GET /orgs/{id}/key-results?ownerId=me`): a page
 * can ask for its reader's own key results before it knows who is signed in.
 */
export const OWNER_ME = 'me';
