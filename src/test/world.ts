// A small, complete organisation for tests that walk the whole API: one of each thing,
// people in every role, and bearer tokens so no test pays for password hashing.
import type { Queryable } from '../db/connect.ts';
import { apiTokens, comments } from '../db/schema.ts';
import { hashSecret, newSecret } from '../app/auth/secrets.ts';
import { API_TOKEN_PREFIX } from '../app/auth/api-tokens.ts';
import {
  activities,
  chatChannels,
  checkIns,
  orgSsoProviders,
  outboxMessages,
  strategyThemes,
  webhookSubscriptions,
} from '../db/schema.ts';
import {
  addToUnit,
  createCycle,
  createInvitation,
  createKeyResult,
  createMember,
  createObjective,
  createOrg,
  createServiceAccount,
  createUnit,
} from './factories.ts';

export const ROLES = ['anonymous', 'foreign', 'viewer', 'member', 'lead', 'admin'] as const;
export type WalkRole = (typeof ROLES)[number];

async function tokenFor(db: Queryable, accountId: string): Promise<{ token: string; id: string }> {
  const token = newSecret(API_TOKEN_PREFIX);
  const [row] = await db
    .insert(apiTokens)
    .values({ accountId, name: 'test', tokenHash: hashSecret(token) })
    .returning();
  return { token, id: row?.id as string };
}

export async function createWorld(db: Queryable) {
  const { org, owner } = await createOrg(db);
  const admin = await createMember(db, org.id, 'admin');
  const member = await createMember(db, org.id, 'member');
  const lead = await createMember(db, org.id, 'member');
  const viewer = await createMember(db, org.id, 'viewer');
  // Added but not yet in: no password, one open invitation link.
  const invitee = await createMember(db, org.id, 'member', { passwordHash: null });
  const { token: invitationToken } = await createInvitation(db, org.id, invitee.id, { createdBy: admin.id });
  const unit = await createUnit(db, org.id, { kind: 'team' });
  const archivedUnit = await createUnit(db, org.id, { archivedAt: new Date() });
  await addToUnit(db, org.id, unit.id, lead.id, 'lead');
  await addToUnit(db, org.id, unit.id, member.id, 'member');
  const cycle = await createCycle(db, org.id);
  // Closing a cycle and carrying over into the next one need a cycle of each kind.
  const closedCycle = await createCycle(db, org.id, { startsOn: '2026-01-01', endsOn: '2026-03-31', status: 'closed' });
  const nextCycle = await createCycle(db, org.id, { startsOn: '2026-07-01', endsOn: '2026-09-30', status: 'planning' });
  // Made by mistake and never used: the one cycle that may be deleted.
  const spareCycle = await createCycle(db, org.id, {
    startsOn: '2027-01-01',
    endsOn: '2027-03-31',
    status: 'planning',
  });
  const orgObjective = await createObjective(db, org.id, cycle.id);
  const unitObjective = await createObjective(db, org.id, cycle.id, { level: 'unit', unitId: unit.id });
  const personObjective = await createObjective(db, org.id, cycle.id, { level: 'person', personId: member.id });
  const archivedObjective = await createObjective(
    db,
    org.id,
    cycle.id,
    { level: 'unit', unitId: unit.id },
    { archivedAt: new Date() },
  );
  const keyResult = await createKeyResult(db, org.id, unitObjective.id);
  const archivedKeyResult = await createKeyResult(db, org.id, unitObjective.id, { archivedAt: new Date() });
  const [activity, archivedActivity] = await db
    .insert(activities)
    .values([
      { orgId: org.id, keyResultId: keyResult.id, title: 'Planera' },
      { orgId: org.id, keyResultId: keyResult.id, title: 'Inställt', archivedAt: new Date() },
    ])
    .returning();
  // The lead's own check-ins, made an hour before the test clock's time: theirs to correct or remove.
  const leadsCheckIn = (value: number) => ({
    orgId: org.id,
    keyResultId: keyResult.id,
    authorId: lead.id,
    value,
    confidence: 5,
    createdAt: new Date('2026-05-15T09:00:00Z'),
  });
  const [checkInToCorrect, checkInToRemove] = await db
    .insert(checkIns)
    .values([leadsCheckIn(20), leadsCheckIn(25)])
    .returning();
  const [comment] = await db
    .insert(comments)
    .values({ orgId: org.id, objectiveId: unitObjective.id, authorId: member.id, body: 'Bra!' })
    .returning();
  const [outboxMessage] = await db
    .insert(outboxMessages)
    .values({
      orgId: org.id,
      recipientId: member.id,
      toAddress: member.email,
      kind: 'check_in_reminder',
      dedupeKey: `check_in_reminder:${org.id}:${member.id}:walk`,
      locale: 'sv',
      subject: 'Dags att stämma av',
      textBody: 'Hej!',
      status: 'held',
    })
    .returning();

  const [webhook] = await db
    .insert(webhookSubscriptions)
    .values({
      orgId: org.id,
      url: 'https://hooks.example.com/walk',
      events: ['cycle.closed'],
      secret: 'whsec_d2Fsaw==',
    })
    .returning();

  // Its own sign-in provider, on a port where nothing answers (the walk never reaches it).
  await db.insert(orgSsoProviders).values({
    orgId: org.id,
    issuer: 'http://127.0.0.1:9',
    clientId: 'riktning',
    clientSecret: 'walk-secret',
    name: 'Walk ID',
  });
  const serviceAccount = (await createServiceAccount(db, org.id, { scopes: ['admin'] })).account;
  const { token: serviceToken } = await createServiceAccount(db, org.id, { scopes: ['read'] });
  // The unit's Slack channel: its lead keeps it as admins do.
  const [chatChannel] = await db
    .insert(chatChannels)
    .values({
      orgId: org.id,
      unitId: unit.id,
      kind: 'slack',
      url: 'https://hooks.slack.com/services/T0/B0/walk',
      messages: ['weekly-digest'],
    })
    .returning();

  const [theme] = await db.insert(strategyThemes).values({ orgId: org.id, name: 'Nära kunden' }).returning();

  const { owner: foreignOwner } = await createOrg(db);
  // Invited to join from outside: the other organisation's owner, who accepts signed in.
  const { token: joinToken } = await createInvitation(db, org.id, foreignOwner.id, {
    createdBy: admin.id,
    role: 'member',
  });
  const tokens: Record<Exclude<WalkRole, 'anonymous'>, { token: string; id: string }> = {
    foreign: await tokenFor(db, foreignOwner.id),
    viewer: await tokenFor(db, viewer.id),
    member: await tokenFor(db, member.id),
    lead: await tokenFor(db, lead.id),
    admin: await tokenFor(db, admin.id),
  };
  return {
    org,
    owner,
    people: { admin, member, lead, viewer },
    invitee,
    invitationToken,
    joinToken,
    unit,
    archivedUnit,
    cycle,
    spareCycle,
    closedCycle,
    nextCycle,
    orgObjective,
    unitObjective,
    personObjective,
    archivedObjective,
    keyResult,
    archivedKeyResult,
    activity: activity as NonNullable<typeof activity>,
    checkInToCorrect: checkInToCorrect as NonNullable<typeof checkInToCorrect>,
    checkInToRemove: checkInToRemove as NonNullable<typeof checkInToRemove>,
    archivedActivity: archivedActivity as NonNullable<typeof archivedActivity>,
    comment: comment as NonNullable<typeof comment>,
    outboxMessage: outboxMessage as NonNullable<typeof outboxMessage>,
    webhook: webhook as NonNullable<typeof webhook>,
    /** An admin-scoped service account, to rotate and revoke. */
    serviceAccount,
    /** A read-only service account's token. */
    serviceToken,
    chatChannel: chatChannel as NonNullable<typeof chatChannel>,
    theme: theme as NonNullable<typeof theme>,
    tokens,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

export function authHeaders(world: World, role: WalkRole): Record<string, string> {
  return role === 'anonymous' ? {} : { authorization: `Bearer ${world.tokens[role].token}` };
}

/** The operations of the OpenAPI document, as `METHOD /path/{param}` keys. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  operationId: string;
  /** By content type: JSON, as a rule; a file upload (the sheet import's read) has others. */
  requestBody?: { content: Partial<Record<string, { schema: JsonSchema }>> };
  /** A POST that only reads (route config `readOnly`). */
  'x-read-only'?: boolean;
}
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  items?: JsonSchema;
}

export function operationsOf(document: {
  paths: Record<string, Record<string, Omit<Operation, 'key' | 'method' | 'path'>>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      ...op,
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
    })),
  );
}
