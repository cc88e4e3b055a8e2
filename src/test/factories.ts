// Factories for test data: each call makes fresh rows, so every test works in its own
// organisation and tests can run in parallel on one database.
import { randomUUID } from 'node:crypto';
import type { ObjectiveLevel, OrgRole, Metric, UnitRole } from '../core/domain.ts';
import type { Queryable } from '../db/connect.ts';
import type { ServiceScope } from '../core/service-scopes.ts';
import {
  accounts,
  apiTokens,
  cycles,
  invitations,
  keyResults,
  memberships,
  objectives,
  organizations,
  serviceAccounts,
  unitMembers,
  units,
} from '../db/schema.ts';
import { hashPassword } from '../app/auth/passwords.ts';
import { hashSecret, newSecret } from '../app/auth/secrets.ts';
import { INVITATION_DAYS } from '../app/invitations/invitation-links.ts';
import { SERVICE_TOKEN_PREFIX } from '../app/service-accounts/service-accounts.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

// 48 random bits: the PostgreSQL test database keeps every run's organisations, and files run side by side.
const unique = () => randomUUID().replaceAll('-', '').slice(0, 12);
const first = <T>(rows: T[]): T => {
  if (rows[0] === undefined) throw new Error('insert returned no row');
  return rows[0];
};

export async function createAccount(db: Queryable, overrides: Partial<typeof accounts.$inferInsert> = {}) {
  const tag = unique();
  return first(
    await db
      .insert(accounts)
      .values({
        email: `person-${tag}@example.test`,
        name: `Person ${tag}`,
        locale: 'en',
        passwordHash: await testPasswordHash(),
        ...overrides,
      })
      .returning(),
  );
}

export async function createOrg(db: Queryable, overrides: Partial<typeof organizations.$inferInsert> = {}) {
  const tag = unique();
  const org = first(
    await db
      .insert(organizations)
      .values({ name: `Org ${tag}`, slug: `org-${tag}`, ...overrides })
      .returning(),
  );
  const owner = await createMember(db, org.id, 'owner');
  return { org, owner };
}

export async function createMember(
  db: Queryable,
  orgId: string,
  role: OrgRole,
  overrides: Partial<typeof accounts.$inferInsert> = {},
) {
  const account = await createAccount(db, overrides);
  await db.insert(memberships).values({ orgId, accountId: account.id, role });
  return account;
}

export async function createUnit(db: Queryable, orgId: string, overrides: Partial<typeof units.$inferInsert> = {}) {
  return first(
    await db
      .insert(units)
      .values({ orgId, name: `Unit ${unique()}`, ...overrides })
      .returning(),
  );
}

export async function addToUnit(db: Queryable, orgId: string, unitId: string, accountId: string, role: UnitRole) {
  await db.insert(unitMembers).values({ orgId, unitId, accountId, role });
}

export async function createCycle(db: Queryable, orgId: string, overrides: Partial<typeof cycles.$inferInsert> = {}) {
  return first(
    await db
      .insert(cycles)
      .values({
        orgId,
        name: `Q ${unique()}`,
        startsOn: '2026-04-01',
        endsOn: '2026-06-30',
        status: 'active',
        ...overrides,
      })
      .returning(),
  );
}

export interface ObjectiveOwner {
  level: ObjectiveLevel;
  unitId?: string;
  personId?: string;
}

export async function createObjective(
  db: Queryable,
  orgId: string,
  cycleId: string,
  owner: ObjectiveOwner = { level: 'organization' },
  overrides: Partial<typeof objectives.$inferInsert> = {},
) {
  return first(
    await db
      .insert(objectives)
      .values({
        orgId,
        cycleId,
        level: owner.level,
        unitId: owner.unitId ?? null,
        personId: owner.personId ?? null,
        title: `Objective ${unique()}`,
        ...overrides,
      })
      .returning(),
  );
}

/** A person's private objective: only they (and admins) may read it. */
export function createPrivateObjective(db: Queryable, orgId: string, cycleId: string, personId: string) {
  return createObjective(db, orgId, cycleId, { level: 'person', personId }, { visibility: 'private' });
}

export async function createKeyResult(
  db: Queryable,
  orgId: string,
  objectiveId: string,
  overrides: Partial<typeof keyResults.$inferInsert> & { metric?: Metric } = {},
) {
  return first(
    await db
      .insert(keyResults)
      .values({
        orgId,
        objectiveId,
        title: `Key result ${unique()}`,
        metric: 'increase_to',
        startValue: 0,
        targetValue: 100,
        ...overrides,
      })
      .returning(),
  );
}

/** An open invitation (as the API would issue it) and its token, which only this answer holds. */
export async function createInvitation(
  db: Queryable,
  orgId: string,
  accountId: string,
  overrides: Partial<typeof invitations.$inferInsert> = {},
) {
  const token = newSecret();
  const invitation = first(
    await db
      .insert(invitations)
      .values({
        orgId,
        accountId,
        tokenHash: hashSecret(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        ...overrides,
      })
      .returning(),
  );
  return { token, invitation };
}

/** A service account of the organisation (as an admin would add it) and its token. */
export async function createServiceAccount(
  db: Queryable,
  orgId: string,
  options: { scopes: ServiceScope[]; unitId?: string; name?: string },
) {
  const account = await createAccount(db, { name: options.name ?? `Integration ${unique()}`, passwordHash: null });
  await db
    .insert(serviceAccounts)
    .values({ accountId: account.id, orgId, scopes: options.scopes, unitId: options.unitId });
  const token = newSecret(SERVICE_TOKEN_PREFIX);
  await db.insert(apiTokens).values({ accountId: account.id, name: account.name, tokenHash: hashSecret(token) });
  return { account, token };
}
