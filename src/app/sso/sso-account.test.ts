import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, memberships } from '../../db/schema.ts';
import { createOrg } from '../../test/factories.ts';
import { testDatabase, testEngine } from '../../test/test-db.ts';
import { inTransaction } from '../transaction.ts';
import type { OidcSettings } from './relying-party.ts';
import { ssoAccount, type ProviderPerson } from './sso-account.ts';

const settings = (joinOrgSlug: string): OidcSettings => ({
  issuer: 'https://idp.example.test',
  clientId: 'riktning',
  clientSecret: 'secret',
  name: 'IdP',
  allowedDomains: ['nordljus.test'],
  joinOrgSlug,
  groupsClaim: 'groups',
  roleMap: {},
  redirectUri: 'http://127.0.0.1/api/v1/auth/sso/oidc/callback',
});

describe('an account made just in time', () => {
  it('is made once when sign-ins of the same new person run side by side', async () => {
    const { db } = await testDatabase();
    const deps = { db, now: () => new Date() };
    const { org } = await createOrg(deps.db);
    // The race between one sign-in's lookups and another's commit is narrow: many rounds make
    // it likely (the lookups read apart failed about one round in seventy on PostgreSQL).
    // PGlite runs one transaction at a time, so it has no race to meet.
    const rounds = testEngine() === 'postgres' ? 200 : 3;
    for (let round = 0; round < rounds; round++) {
      const tag = crypto.randomUUID().slice(0, 8);
      const person: ProviderPerson = {
        subject: `https://idp.example.test#${tag}`,
        email: `Nya.Person-${tag}@nordljus.test`,
        name: 'Nya Person',
        groups: [],
      };
      const signIn = () => inTransaction(deps, (tx) => ssoAccount(tx, settings(org.slug), person));
      // On PostgreSQL the later inserts wait for the first to commit; on PGlite they take turns.
      const [first, ...others] = await Promise.all([signIn(), signIn(), signIn()]);
      expect(others).toEqual([first, first]);
      const made = await deps.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(sql`lower(${accounts.email})`, person.email.toLowerCase()));
      expect(made).toHaveLength(1);
      const joined = await deps.db.select().from(memberships).where(eq(memberships.accountId, first));
      expect(joined).toMatchObject([{ orgId: org.id, role: 'member' }]);
    }
  }, 60_000);
});
