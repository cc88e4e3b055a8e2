import { describe, expect, it } from 'vitest';
import { ORG_ROLES, type OrgRole } from './domain.ts';
import {
  abilities,
  type Action,
  ACTIONS,
  can,
  canRead,
  grantFor,
  type PolicyObject,
  type ReadableObjective,
  type Subject,
} from './policy.ts';

const ME = 'me';
const SOMEONE = 'someone-else';
const LED_UNIT = 'unit-led-by-me';
const OTHER_UNIT = 'unit-led-by-someone-else';

const subject = (role: OrgRole, ledUnitIds: string[] = [LED_UNIT]): Subject => ({
  accountId: ME,
  role,
  ledUnitIds: new Set(ledUnitIds),
});

/**
 * Object states, in the column order of the table below. Every state gives the subject
 * exactly one relation (or none), so each column shows what that relation grants.
 */
const STATES = [
  ['own person objective', { level: 'person', personId: ME, unitId: null }],
  ["someone else's person objective", { level: 'person', personId: SOMEONE, unitId: null }],
  ['unit objective, unit I lead', { level: 'unit', unitId: LED_UNIT }],
  ['unit objective, unit led by someone else', { level: 'unit', unitId: OTHER_UNIT }],
  ['organisation objective', { level: 'organization', unitId: null, personId: null }],
  ['key result I own, on someone else’s objective', { level: 'person', personId: SOMEONE, keyResultOwnerId: ME }],
  ['activity I own, on another unit’s objective', { level: 'unit', unitId: OTHER_UNIT, activityOwnerId: ME }],
  [
    'closed cycle: own person objective, key result and activity',
    { level: 'person', personId: ME, keyResultOwnerId: ME, activityOwnerId: ME, cycleClosed: true },
  ],
  ['closed cycle: unit objective, unit I lead', { level: 'unit', unitId: LED_UNIT, cycleClosed: true }],
  ['the unit I lead (no objective)', { unitId: LED_UNIT }],
  ['a unit led by someone else (no objective)', { unitId: OTHER_UNIT }],
  ['no object', {}],
  ['a comment I wrote', { level: 'organization', commentAuthorId: ME }],
  ["someone else's comment", { level: 'organization', commentAuthorId: SOMEONE }],
] as const satisfies readonly (readonly [string, PolicyObject])[];

const Y = true;
const N = false;
type Row = Record<OrgRole, readonly boolean[]>;

const ALL_Y = [Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y];
const ALL_N = [N, N, N, N, N, N, N, N, N, N, N, N, N, N];
const ADMINS_ONLY: Row = { owner: ALL_Y, admin: ALL_Y, member: ALL_N, viewer: ALL_N };

/**
 * Expected answers, written out by hand. Columns, in STATES order:
 *        ownP  othP  ledU  othU  org   myKR  myAct clsP  clsU  unitL unitO none  myCmt othCmt
 */
const TABLE: Record<string, Row> = {
  'org.update': ADMINS_ONLY,
  'member.manage': ADMINS_ONLY,
  'member.grantOwner': { owner: ALL_Y, admin: ALL_N, member: ALL_N, viewer: ALL_N },
  'unit.create': ADMINS_ONLY,
  'unit.update': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [N, N, Y, N, N, N, N, N, Y, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'unit.archive': ADMINS_ONLY,
  'unit.manageMembers': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [N, N, Y, N, N, N, N, N, Y, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'cycle.manage': ADMINS_ONLY,
  'objective.create': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, N, N, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'objective.update': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, N, N, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'objective.archive': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, N, N, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'keyResult.manage': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, N, N, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'objective.score': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, N, N, Y, Y, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'checkIn.create': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, Y, N, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'activity.manage': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [Y, N, Y, N, N, Y, Y, N, N, Y, N, N, N, N],
    viewer: ALL_N,
  },
  'comment.create': { owner: ALL_Y, admin: ALL_Y, member: ALL_Y, viewer: ALL_N },
  // Only the author edits, admins included; admins remove anyone's (moderation).
  'comment.update': {
    owner: [N, N, N, N, N, N, N, N, N, N, N, N, Y, N],
    admin: [N, N, N, N, N, N, N, N, N, N, N, N, Y, N],
    member: [N, N, N, N, N, N, N, N, N, N, N, N, Y, N],
    viewer: ALL_N,
  },
  'comment.delete': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [N, N, N, N, N, N, N, N, N, N, N, N, Y, N],
    viewer: ALL_N,
  },
  'audit.read': ADMINS_ONLY,
  'outbox.read': ADMINS_ONLY,
  'archive.restore': ADMINS_ONLY,
  'org.export': ADMINS_ONLY,
  'org.import': ADMINS_ONLY,
  'webhook.manage': ADMINS_ONLY,
  'serviceAccount.manage': ADMINS_ONLY,
  // The organisation's channel (no unit) is the admins'; a unit's, its leads' too.
  'chat.manage': {
    owner: ALL_Y,
    admin: ALL_Y,
    member: [N, N, Y, N, N, N, N, N, Y, Y, N, N, N, N],
    viewer: ALL_N,
  },
};

describe('can: role × action × object state', () => {
  it('the table has a row for every action in ACTIONS, and no others', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(Object.entries(TABLE))('the row for %s covers every role and every state', (_action, row) => {
    expect(Object.keys(row).sort()).toEqual([...ORG_ROLES].sort());
    for (const role of ORG_ROLES) expect(row[role]).toHaveLength(STATES.length);
  });

  const cases = ACTIONS.flatMap((action) =>
    ORG_ROLES.flatMap((role) =>
      STATES.map(([state, object], column) => ({
        action,
        role,
        state,
        object,
        expected: TABLE[action]?.[role][column],
      })),
    ),
  );

  it.each(cases)('$role $action on $state: $expected', ({ action, role, object, expected }) => {
    expect(expected).toBeTypeOf('boolean');
    expect(can(subject(role), action, object)).toBe(expected);
  });

  it.each([
    {
      case: 'a division lead edits the objective of a team beneath it',
      led: ['division', 'team'],
      unitId: 'team',
      expected: true,
    },
    {
      case: 'a team lead may not edit its parent division objective',
      led: ['team'],
      unitId: 'division',
      expected: false,
    },
    { case: 'a member who leads no unit', led: [], unitId: 'team', expected: false },
  ])('$case', ({ led, unitId, expected }) => {
    expect(can(subject('member', led), 'objective.update', { level: 'unit', unitId })).toBe(expected);
  });

  it.each([
    { case: 'a viewer who leads the unit', role: 'viewer', object: { level: 'unit', unitId: LED_UNIT } },
    { case: 'a viewer on their own person objective', role: 'viewer', object: { level: 'person', personId: ME } },
    {
      case: 'a member on a person objective with an unowned key result',
      role: 'member',
      object: { level: 'person', personId: SOMEONE, keyResultOwnerId: null },
    },
    {
      case: 'a member on an objective with an empty key result owner',
      role: 'member',
      object: { keyResultOwnerId: '' },
    },
  ] satisfies { case: string; role: OrgRole; object: PolicyObject }[])('$case may not check in', ({ role, object }) => {
    expect(can(subject(role), 'checkIn.create', object)).toBe(false);
  });

  it('the object defaults to none', () => {
    expect(can(subject('member'), 'objective.create')).toBe(false);
    expect(can(subject('member'), 'comment.create')).toBe(true);
    expect(can(subject('admin'), 'objective.create')).toBe(true);
  });
});

describe('canRead', () => {
  const objective = (overrides: Partial<ReadableObjective>): ReadableObjective => ({
    level: 'person',
    personId: null,
    unitId: null,
    visibility: 'public',
    lifecycle: 'published',
    ...overrides,
  });

  const readers = {
    owner: subject('owner', []),
    admin: subject('admin', []),
    'member (me)': subject('member', []),
    'member leading the unit': subject('member', [LED_UNIT]),
    'viewer (me)': subject('viewer', []),
  } satisfies Record<string, Subject>;
  const other: Subject = { accountId: SOMEONE, role: 'member', ledUnitIds: new Set() };
  const otherViewer: Subject = { accountId: SOMEONE, role: 'viewer', ledUnitIds: new Set() };

  const rows: { case: string; objective: ReadableObjective; reader: Subject; readerName: string; expected: boolean }[] =
    [
      // private personal objective: its person and admins only
      ...(
        [
          ['owner', readers.owner, true],
          ['admin', readers.admin, true],
          ['its person', readers['member (me)'], true],
          ['another member', other, false],
          ['the lead of the unit it mentions', { ...readers['member leading the unit'], accountId: SOMEONE }, false],
          ['a viewer', otherViewer, false],
        ] as const
      ).map(([readerName, reader, expected]) => ({
        case: 'private published person objective',
        objective: objective({ personId: ME, unitId: LED_UNIT, visibility: 'private' }),
        reader,
        readerName,
        expected,
      })),
      // draft person objective: its person and admins only
      ...(
        [
          ['owner', readers.owner, true],
          ['admin', readers.admin, true],
          ['its person', readers['member (me)'], true],
          ['another member', other, false],
          ['a viewer', otherViewer, false],
        ] as const
      ).map(([readerName, reader, expected]) => ({
        case: 'public draft person objective',
        objective: objective({ personId: ME, lifecycle: 'draft' }),
        reader,
        readerName,
        expected,
      })),
      // draft unit objective: its lead and admins only
      ...(
        [
          ['owner', readers.owner, true],
          ['admin', readers.admin, true],
          ['the unit lead', readers['member leading the unit'], true],
          [
            'a member who leads another unit',
            { ...readers['member leading the unit'], ledUnitIds: new Set([OTHER_UNIT]) },
            false,
          ],
          ['a viewer', otherViewer, false],
        ] as const
      ).map(([readerName, reader, expected]) => ({
        case: 'public draft unit objective',
        objective: objective({ level: 'unit', unitId: LED_UNIT, lifecycle: 'draft' }),
        reader,
        readerName,
        expected,
      })),
      // draft organisation objective: admins only
      ...(
        [
          ['owner', readers.owner, true],
          ['admin', readers.admin, true],
          ['a member', readers['member (me)'], false],
          ['a unit lead', readers['member leading the unit'], false],
          ['a viewer', otherViewer, false],
        ] as const
      ).map(([readerName, reader, expected]) => ({
        case: 'public draft organisation objective',
        objective: objective({ level: 'organization', lifecycle: 'draft' }),
        reader,
        readerName,
        expected,
      })),
      // private draft person objective: its person and admins only
      ...(
        [
          ['admin', readers.admin, true],
          ['its person', readers['member (me)'], true],
          ['another member', other, false],
        ] as const
      ).map(([readerName, reader, expected]) => ({
        case: 'private draft person objective',
        objective: objective({ personId: ME, visibility: 'private', lifecycle: 'draft' }),
        reader,
        readerName,
        expected,
      })),
      // public published or closed objectives at every level: everyone, viewers included
      ...(
        [
          ['public published person objective', objective({ personId: SOMEONE })],
          ['public published unit objective', objective({ level: 'unit', unitId: OTHER_UNIT })],
          ['public published organisation objective', objective({ level: 'organization' })],
          ['public closed person objective', objective({ personId: SOMEONE, lifecycle: 'closed' })],
          ['public closed unit objective', objective({ level: 'unit', unitId: OTHER_UNIT, lifecycle: 'closed' })],
        ] as const
      ).flatMap(([name, obj]) =>
        (
          [
            ['owner', readers.owner],
            ['admin', readers.admin],
            ['a member', readers['member (me)']],
            ['a viewer', otherViewer],
          ] as const
        ).map(([readerName, reader]) => ({ case: name, objective: obj, reader, readerName, expected: true })),
      ),
    ];

  it.each(rows)('$case, read by $readerName: $expected', ({ objective: obj, reader, expected }) => {
    expect(canRead(reader, obj)).toBe(expected);
  });
});

describe('abilities', () => {
  const ownObjective: PolicyObject = { level: 'person', personId: ME };

  it('answers exactly the actions asked for', () => {
    expect(abilities(subject('member'), ['objective.update', 'org.update', 'comment.create'], ownObjective)).toEqual({
      'objective.update': true,
      'org.update': false,
      'comment.create': true,
    });
  });

  it('answers nothing when asked nothing', () => {
    expect(abilities(subject('admin'), [])).toEqual({});
  });

  it.each([
    // With no object there is no comment of theirs to edit.
    { role: 'owner', expected: Object.fromEntries(ACTIONS.map((a) => [a, a !== 'comment.update'])) },
    {
      role: 'admin',
      expected: Object.fromEntries(ACTIONS.map((a) => [a, a !== 'member.grantOwner' && a !== 'comment.update'])),
    },
    { role: 'viewer', expected: Object.fromEntries(ACTIONS.map((a) => [a, false])) },
  ] satisfies { role: OrgRole; expected: Record<string, boolean> }[])(
    'every action for $role',
    ({ role, expected }) => {
      expect(abilities(subject(role), ACTIONS, ownObjective)).toEqual(expected);
    },
  );

  it('matches can() for every role, action and state', () => {
    for (const role of ORG_ROLES) {
      for (const [, object] of STATES) {
        const answers: Record<Action, boolean> = abilities(subject(role), ACTIONS, object);
        for (const action of ACTIONS) expect(answers[action]).toBe(can(subject(role), action, object));
      }
    }
  });

  it('uses no object by default', () => {
    expect(abilities(subject('member'), ['objective.create', 'comment.create'])).toEqual({
      'objective.create': false,
      'comment.create': true,
    });
  });
});

describe('grantFor: the decision before any object, for statements that decide in SQL', () => {
  it('agrees with can() for every role, action and state', () => {
    for (const role of ORG_ROLES) {
      for (const action of ACTIONS) {
        const grant = grantFor(subject(role), action);
        for (const [state, object] of STATES as readonly (readonly [string, PolicyObject])[]) {
          const allowed = can(subject(role), action, object);
          const where = `${role} ${action} on ${state}`;
          if (grant?.kind === 'always') expect(allowed, where).toBe(true);
          else if (grant?.kind === 'never') expect(allowed, where).toBe(false);
          else if (grant?.kind === 'relations' && grant.lockedByClosedCycle && object.cycleClosed)
            expect(allowed, where).toBe(false);
        }
      }
    }
  });

  it('names the relations a member checks in by, locked by a closed cycle', () => {
    expect(grantFor(subject('member'), 'checkIn.create')).toEqual({
      kind: 'relations',
      relations: ['ownsObjective', 'leadsUnit', 'ownsKeyResult'],
      lockedByClosedCycle: true,
    });
    expect(grantFor(subject('admin'), 'checkIn.create')).toEqual({ kind: 'always' });
    expect(grantFor(subject('viewer'), 'checkIn.create')).toEqual({ kind: 'never' });
  });

  it('leaves a service account to can(): its scopes and unit limit depend on the object', () => {
    const service = { ...subject('admin'), service: { scopes: ['admin'] as const, unitIds: null } };
    expect(grantFor(service, 'checkIn.create')).toBeNull();
  });
});
