import { describe, expect, it } from 'vitest';
import { memberships } from '../../db/schema.ts';
import { testDatabase } from '../../test/test-db.ts';
import { countStatements } from '../../test/statements.ts';
import { createAccount, createOrg } from '../../test/factories.ts';
import { getMe } from './get-me.ts';

describe('getMe', () => {
  it('gives the account and its organisations by name, in one statement (every page load asks)', async () => {
    const { db } = await testDatabase();
    const person = await createAccount(db);
    const { org: zeta } = await createOrg(db, { name: `Zeta ${person.id}` });
    const { org: alfa } = await createOrg(db, { name: `Alfa ${person.id}` });
    await db.insert(memberships).values([
      { orgId: zeta.id, accountId: person.id, role: 'viewer' },
      { orgId: alfa.id, accountId: person.id, role: 'admin' },
    ]);
    const counting = countStatements(db);
    const me = await getMe({ db: counting.db }, { accountId: person.id });
    expect(counting.statements()).toBe(1);
    expect(me).toMatchObject({ id: person.id, email: person.email, name: person.name });
    expect(me.memberships).toEqual([
      { orgId: alfa.id, orgName: alfa.name, orgSlug: alfa.slug, role: 'admin' },
      { orgId: zeta.id, orgName: zeta.name, orgSlug: zeta.slug, role: 'viewer' },
    ]);
  });

  it('gives an account without organisations an empty list, and refuses an unknown account', async () => {
    const { db } = await testDatabase();
    const loner = await createAccount(db);
    expect((await getMe({ db }, { accountId: loner.id })).memberships).toEqual([]);
    await expect(getMe({ db }, { accountId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
