// The organisation's answer says whom the caller may write objectives for, so the web's
// form offers only those owners instead of refusing after everything is filled in.
import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../../core/domain.ts';
import { ApiClient, testServer } from '../../test/server.ts';
import { addToUnit, createMember, createOrg, createUnit } from '../../test/factories.ts';

describe('the organisation answer: whom the caller may write objectives for', () => {
  it('by role, and the units a member leads with the units beneath them', async () => {
    const { app, deps } = await testServer();
    const { org } = await createOrg(deps.db);
    const division = await createUnit(deps.db, org.id, { name: 'Sales', kind: 'division' });
    const team = await createUnit(deps.db, org.id, { name: 'Nordics', kind: 'team', parentId: division.id });
    const other = await createUnit(deps.db, org.id, { name: 'Support', kind: 'team' });

    const answer = async (role: OrgRole, leads?: string) => {
      const account = await createMember(deps.db, org.id, role);
      if (leads) await addToUnit(deps.db, org.id, leads, account.id, 'lead');
      const client = await ApiClient.signIn(app, account.email);
      const got = await client.get(`/api/v1/orgs/${org.id}`);
      expect(got.statusCode).toBe(200);
      return got.json<{ abilities: Record<string, boolean>; ledUnitIds: string[] }>();
    };
    const creation = (a: { abilities: Record<string, boolean> }) => ({
      own: a.abilities['objective.createOwn'],
      org: a.abilities['objective.createForOrg'],
      anyUnit: a.abilities['objective.createForAnyUnit'],
      anyone: a.abilities['objective.createForAnyone'],
    });

    const admin = await answer('admin');
    expect(creation(admin)).toEqual({ own: true, org: true, anyUnit: true, anyone: true });
    expect(admin.ledUnitIds).toEqual([]);

    const member = await answer('member');
    expect(creation(member)).toEqual({ own: true, org: false, anyUnit: false, anyone: false });
    expect(member.ledUnitIds).toEqual([]);

    const lead = await answer('member', division.id);
    expect(creation(lead)).toEqual({ own: true, org: false, anyUnit: false, anyone: false });
    expect(lead.ledUnitIds).toEqual([division.id, team.id].sort());
    expect(lead.ledUnitIds).not.toContain(other.id);

    const viewer = await answer('viewer');
    expect(creation(viewer)).toEqual({ own: false, org: false, anyUnit: false, anyone: false });
  });
});
