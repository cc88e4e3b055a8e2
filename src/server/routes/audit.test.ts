import { describe, expect, it } from 'vitest';
import { ApiClient, testServer } from '../../test/server.ts';
import { createMember, createOrg } from '../../test/factories.ts';
import { recordAudit } from '../../app/audit.ts';
import { exportAuditEvents } from '../../app/audit/export-audit-events.ts';

async function world() {
  const { app, deps } = await testServer();
  const { org, owner } = await createOrg(deps.db);
  const sara = await createMember(deps.db, org.id, 'member', { name: 'Sara Lind' });
  const at = (iso: string) => new Date(iso);
  // Events written straight into the log, with their times, to filter on.
  const events = [
    {
      actorId: owner.id,
      action: 'unit.create',
      entityType: 'unit',
      entityId: 'u1',
      createdAt: at('2026-05-01T08:00:00Z'),
    },
    {
      actorId: sara.id,
      action: 'objective.update',
      entityType: 'objective',
      entityId: 'o1',
      before: { title: 'Gammal, "citerad"\nrad' },
      after: { title: '=HYPERLINK("http://evil.example","klicka")' },
      createdAt: at('2026-05-02T08:00:00Z'),
    },
    {
      actorId: sara.id,
      action: 'objective.update',
      entityType: 'objective',
      entityId: 'o2',
      createdAt: at('2026-05-03T08:00:00Z'),
    },
    {
      actorId: owner.id,
      action: 'member.add',
      entityType: 'member',
      entityId: sara.id,
      createdAt: at('2026-05-04T08:00:00Z'),
    },
  ];
  for (const { createdAt, ...event } of events) {
    await recordAudit(deps.db, { orgId: org.id, ...event });
    // recordAudit stamps the time itself; move the row to its place in time.
    await deps.db.execute(
      `update audit_events set created_at = '${createdAt.toISOString()}' where org_id = '${org.id}' and entity_id = '${event.entityId}'`,
    );
  }
  const admin = await ApiClient.signIn(app, owner.email);
  return { app, deps, org, owner, sara, admin };
}

const ids = (response: { json: () => { items: { entityId: string }[] } }) =>
  response.json().items.map((e) => e.entityId);

describe('audit log API', () => {
  it('filters by actor, action, entity and time, newest first', async () => {
    const { org, owner, sara, admin } = await world();
    const base = `/api/v1/orgs/${org.id}/audit-events`;
    // The org's creation by the factories left nothing in the log; the owner's sign-in did.
    const everything = ids(await admin.get(base));
    expect(everything.filter((id) => id !== owner.id)).toEqual([sara.id, 'o2', 'o1', 'u1']);
    expect(ids(await admin.get(`${base}?actorId=${sara.id}`))).toEqual(['o2', 'o1']);
    expect(ids(await admin.get(`${base}?action=objective.update`))).toEqual(['o2', 'o1']);
    expect(ids(await admin.get(`${base}?entityType=member`))).toEqual([sara.id]);
    expect(ids(await admin.get(`${base}?entityType=objective&entityId=o1`))).toEqual(['o1']);
    expect(
      ids(await admin.get(`${base}?from=2026-05-02T00:00:00Z&to=${encodeURIComponent('2026-05-04T08:00:00Z')}`)),
    ).toEqual(['o2', 'o1']);
    const page = await admin.get(`${base}?action=objective.update&limit=1`);
    expect(ids(page)).toEqual(['o2']);
    expect(ids(await admin.get(`${base}?action=objective.update&limit=1&cursor=${page.json().nextCursor}`))).toEqual([
      'o1',
    ]);
    expect((await admin.get(`${base}?from=yesterday`)).statusCode).toBe(400);
  });

  it('exports the same filters as CSV: translated header, escaped cells, formulas defused', async () => {
    const { app, org, sara, admin } = await world();
    const response = await admin.get(`/api/v1/orgs/${org.id}/audit-events.csv?actorId=${sara.id}`, {
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = response.body;
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Id,Time,Actor id,Actor,Action,Entity type,Entity id,Objective id,Unit id,Before,After');
    expect(lines.at(-1)).toBe('');
    expect(text).toContain(`,${sara.id},Sara Lind,objective.update,objective,o2,,,,\r\n`);
    // JSON cells: quotes doubled, the newline kept inside the quoted cell, and a cell that
    // a spreadsheet would run as a formula starts with an apostrophe.
    expect(text).toContain(
      `"{""title"":""Gammal, \\""citerad\\""\\nrad""}","{""title"":""=HYPERLINK(\\""http://evil.example\\"",\\""klicka\\"")""}"`,
    );
    const bare = await ApiClient.signIn(app, sara.email);
    const refused = await bare.get(`/api/v1/orgs/${org.id}/audit-events.csv`);
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
  });

  it('guards every cell that starts like a formula, and writes Swedish headers for a Swedish-speaking admin', async () => {
    const { app, deps, org, owner } = await world();
    const swede = await createMember(deps.db, org.id, 'admin', { locale: 'sv' });
    const admin = await ApiClient.signIn(app, swede.email);
    await recordAudit(deps.db, {
      orgId: org.id,
      actorId: owner.id,
      action: '=cmd|"/c calc"!A1',
      entityType: '+formula',
      entityId: '@SUM(1)',
    });
    const response = await admin.get(
      `/api/v1/orgs/${org.id}/audit-events.csv?entityId=${encodeURIComponent('@SUM(1)')}`,
    );
    const [header, row] = response.body.slice(1).split('\r\n');
    expect(header).toBe('Id,Tid,Aktörens id,Aktör,Händelse,Objekttyp,Objektets id,Målets id,Enhetens id,Före,Efter');
    expect(row).toContain(`,"'=cmd|""/c calc""!A1",'+formula,'@SUM(1),`);
  });

  it('reads the log in batches, so nothing but one batch is held at a time', async () => {
    const { deps, org, owner, sara } = await world();
    const events = await exportAuditEvents(deps, { accountId: owner.id }, org.id, { actorId: sara.id }, 1);
    const seen: string[] = [];
    for await (const event of events) seen.push(event.entityId);
    expect(seen).toEqual(['o2', 'o1']);
    await expect(exportAuditEvents(deps, { accountId: sara.id }, org.id, {})).rejects.toThrow('forbidden');
  });
});
