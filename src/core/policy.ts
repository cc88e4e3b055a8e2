// The one authorisation policy (DESIGN.md section 3): role × action × object state.
// Routes and use cases ask `can`; the web app receives the answers as abilities.
import { ORG_ROLES, type ObjectiveLevel, type OrgRole } from './domain.ts';
import { serviceMayAct, type ServiceLimits } from './service-scopes.ts';

export const ACTIONS = [
  'org.update',
  'member.manage',
  'member.grantOwner',
  'unit.create',
  'unit.update',
  'unit.archive',
  'unit.manageMembers',
  'cycle.manage',
  'objective.create',
  'objective.update',
  'objective.archive',
  'keyResult.manage',
  'objective.score',
  'checkIn.create',
  'activity.manage',
  'comment.create',
  'comment.update',
  'comment.delete',
  'audit.read',
  'outbox.read',
  'archive.restore',
  'org.export',
  'org.import',
  'webhook.manage',
  'serviceAccount.manage',
  'chat.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who is asking, within one organisation. */
export interface Subject {
  accountId: string;
  role: OrgRole;
  /** Units the subject leads, with every unit beneath them (a division lead leads its teams). */
  ledUnitIds: ReadonlySet<string>;
  /** Set when the subject is a service account: its scopes and unit limit cut its role down. */
  service?: ServiceLimits;
}

/** What the action is about. Fields that do not apply are left out. */
export interface PolicyObject {
  level?: ObjectiveLevel;
  unitId?: string | null;
  personId?: string | null;
  keyResultOwnerId?: string | null;
  activityOwnerId?: string | null;
  commentAuthorId?: string | null;
  /** The objective belongs to a closed cycle. */
  cycleClosed?: boolean;
}

/** Relations between subject and object that can grant an action to a plain member. */
const RELATIONS = {
  ownsObjective: (s: Subject, o: PolicyObject) => o.level === 'person' && o.personId === s.accountId,
  leadsUnit: (s: Subject, o: PolicyObject) =>
    (o.level === undefined || o.level === 'unit') && !!o.unitId && s.ledUnitIds.has(o.unitId),
  ownsKeyResult: (s: Subject, o: PolicyObject) => !!o.keyResultOwnerId && o.keyResultOwnerId === s.accountId,
  ownsActivity: (s: Subject, o: PolicyObject) => !!o.activityOwnerId && o.activityOwnerId === s.accountId,
  ownsComment: (s: Subject, o: PolicyObject) => !!o.commentAuthorId && o.commentAuthorId === s.accountId,
  anyone: () => true,
} satisfies Record<string, (s: Subject, o: PolicyObject) => boolean>;
export type Relation = keyof typeof RELATIONS;

type Grant = 'always' | readonly Relation[];
const ADMINS = { owner: 'always', admin: 'always' } as const;
const OKR_EDITORS: readonly Relation[] = ['ownsObjective', 'leadsUnit'];

/**
 * The table. A role missing from an action's row may never do it; viewers appear in no
 * row, so they only read.
 */
export const POLICY: Record<Action, Partial<Record<OrgRole, Grant>>> = {
  'org.update': ADMINS,
  'member.manage': ADMINS,
  'member.grantOwner': { owner: 'always' },
  'unit.create': ADMINS,
  'unit.update': { ...ADMINS, member: ['leadsUnit'] },
  'unit.archive': ADMINS,
  'unit.manageMembers': { ...ADMINS, member: ['leadsUnit'] },
  'cycle.manage': ADMINS,
  'objective.create': { ...ADMINS, member: OKR_EDITORS },
  'objective.update': { ...ADMINS, member: OKR_EDITORS },
  'objective.archive': { ...ADMINS, member: OKR_EDITORS },
  'keyResult.manage': { ...ADMINS, member: OKR_EDITORS },
  // Final scores and reflections: the one change owners may still make once a cycle is
  // closed, since scoring and reflecting is what closing a cycle is for.
  'objective.score': { ...ADMINS, member: OKR_EDITORS },
  'checkIn.create': { ...ADMINS, member: [...OKR_EDITORS, 'ownsKeyResult'] },
  'activity.manage': { ...ADMINS, member: [...OKR_EDITORS, 'ownsKeyResult', 'ownsActivity'] },
  'comment.create': { ...ADMINS, member: ['anyone'] },
  // Words stay their author's: nobody, not even an admin, puts words in someone's mouth.
  // Admins may remove anyone's comment (moderation); a viewer, who cannot comment, neither.
  'comment.update': { owner: ['ownsComment'], admin: ['ownsComment'], member: ['ownsComment'] },
  'comment.delete': { ...ADMINS, member: ['ownsComment'] },
  'audit.read': ADMINS,
  'outbox.read': ADMINS,
  // The organisation's archive (Administration → Archive): everything archived, to restore.
  // Restoring one row takes what archiving it takes, so whoever archived it may undo it.
  'archive.restore': ADMINS,
  // Everything the organisation owns, private objectives included: for those who run it.
  'org.export': ADMINS,
  'org.import': ADMINS,
  // Webhooks send the organisation's OKRs, private ones too, to an address outside.
  'webhook.manage': ADMINS,
  // Tokens of the organisation's own, for integrations: an admin's reach, handed out.
  'serviceAccount.manage': ADMINS,
  // A Slack or Teams channel: the organisation's by admins, a unit's by its leads too. What a
  // channel is sent never includes private objectives (app/chat), so a lead shares nothing
  // the unit's members could not read.
  'chat.manage': { ...ADMINS, member: ['leadsUnit'] },
};

/** Actions that a closed cycle locks for everyone but admins: its OKRs are the record. */
const LOCKED_BY_CLOSED_CYCLE: ReadonlySet<Action> = new Set<Action>([
  'objective.create',
  'objective.update',
  'objective.archive',
  'keyResult.manage',
  'checkIn.create',
  'activity.manage',
]);

/**
 * How a role holds an action, before looking at any object: allowed whatever the object,
 * never, or when the object has one of these relations to the subject (and, if the action
 * is locked by a closed cycle, its cycle is open). Both `can` and `grantFor` read it.
 */
export type SubjectGrant =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'relations'; relations: readonly Relation[]; lockedByClosedCycle: boolean };

/** The table above, read once per action and role. */
const ROLE_GRANTS = Object.fromEntries(
  ACTIONS.map((action) => [
    action,
    Object.fromEntries(
      ORG_ROLES.map((role): [OrgRole, SubjectGrant] => {
        const grant = POLICY[action][role];
        if (grant === undefined) return [role, { kind: 'never' }];
        if (grant === 'always') return [role, { kind: 'always' }];
        return [role, { kind: 'relations', relations: grant, lockedByClosedCycle: LOCKED_BY_CLOSED_CYCLE.has(action) }];
      }),
    ),
  ]),
) as Record<Action, Record<OrgRole, SubjectGrant>>;

export function can(subject: Subject, action: Action, object: PolicyObject = {}): boolean {
  if (subject.service && !serviceMayAct(subject.service, action, object)) return false;
  const grant = ROLE_GRANTS[action][subject.role];
  if (grant.kind !== 'relations') return grant.kind === 'always';
  if (grant.lockedByClosedCycle && object.cycleClosed) return false;
  return grant.relations.some((relation) => RELATIONS[relation](subject, object));
}

/**
 * The subject's grant for the action, so that a statement can make `can`'s decision in
 * SQL. Null when the decision needs more than the role: a service account's scopes and
 * unit limit are judged by `serviceMayAct` alone.
 */
export function grantFor(subject: Subject, action: Action): SubjectGrant | null {
  return subject.service ? null : ROLE_GRANTS[action][subject.role];
}

/** The answers for several actions at once, as sent to the web app. */
export function abilities<A extends Action>(
  subject: Subject,
  actions: readonly A[],
  object: PolicyObject = {},
): Record<A, boolean> {
  return Object.fromEntries(actions.map((action) => [action, can(subject, action, object)])) as Record<A, boolean>;
}

export interface ReadableObjective {
  level: ObjectiveLevel;
  personId: string | null;
  unitId: string | null;
  visibility: 'public' | 'private';
  lifecycle: 'draft' | 'published' | 'closed';
}

/**
 * Everyone reads every OKR by default (transparency). Exceptions: a private objective is
 * read only by its person and admins; a draft only by those who may edit it.
 */
export function canRead(subject: Subject, objective: ReadableObjective): boolean {
  if (subject.role === 'owner' || subject.role === 'admin') return true;
  const isOwner =
    (objective.level === 'person' && objective.personId === subject.accountId) ||
    (objective.level === 'unit' && !!objective.unitId && subject.ledUnitIds.has(objective.unitId));
  if (objective.visibility === 'private' && !isOwner) return false;
  if (objective.lifecycle === 'draft' && !isOwner) return false;
  return true;
}
