// Someone who already uses Riktning, in another organisation, is invited to this one: the
// admin learns only that the invitation went out; the person opens the e-mail's link,
// signs in as themselves and joins with one click. Signed in as someone else, the link
// joins no one.
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { memberships } from '../../db/schema.ts';
import { createMember, createOrg, TEST_PASSWORD } from '../../test/factories.ts';
import { mailedInvitation } from '../../test/invitation-mail.ts';
import { signIn } from './harness.ts';
import { browserSuite } from './journey.ts';
import { field, pickOption } from './locators.ts';

browserSuite('invitation-join', (journey) => {
  it('a person with an account elsewhere signs in and joins; the admin never sees who they are', async () => {
    const { page: admin, harness } = journey;
    const db = harness.handle.db;
    const { org: elsewhere } = await createOrg(db);
    const known = await createMember(db, elsewhere.id, 'member', { name: 'Karin Annanstans', locale: 'sv' });

    // The owner invites the address; the answer is the same as for anyone.
    await signIn(admin, 'demo@example.com');
    await admin.goto(`/orgs/${harness.orgId}/admin/members`);
    await admin.getByRole('button', { name: 'Bjud in en person' }).click();
    const invite = admin.getByRole('dialog', { name: 'Bjud in en person' });
    await field(invite, 'Namn').fill('Vem som helst');
    await field(invite, 'E-post').fill(known.email);
    await pickOption(admin, field(invite, 'Roll'), 'Medlem');
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    const sent = invite.getByRole('status');
    await sent.getByText(`Inbjudan skickad till ${known.email}.`).waitFor();
    expect(await invite.textContent()).not.toContain('Karin');
    await invite.getByRole('button', { name: 'Klar' }).click();
    // Not a member until they accept.
    const membership = () =>
      db
        .select()
        .from(memberships)
        .where(and(eq(memberships.orgId, harness.orgId), eq(memberships.accountId, known.id)));
    expect(await membership()).toEqual([]);

    const { path: link } = await mailedInvitation(db, harness.orgId, known.email);

    // Opened while signed in as the owner: it is for someone else, and joins no one.
    await admin.goto(link);
    await admin
      .getByText(`Du är inloggad som demo@example.com, men inbjudan gäller ${known.email}.`, { exact: false })
      .waitFor();
    expect(await admin.getByRole('button', { name: 'Gå med i Nordljus AB' }).count()).toBe(0);

    // The person, in their own browser: sign in, then one click.
    const page = await journey.openPage();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Gå med i Nordljus AB' }).waitFor();
    await page.getByRole('link', { name: 'Logga in för att tacka ja' }).click();
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel(/^E-post/).fill(known.email);
    await page.getByLabel(/^Lösenord/).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.waitForURL((url) => url.pathname === link);
    await page.getByRole('button', { name: 'Gå med i Nordljus AB' }).click();
    await page.waitForURL(new RegExp(`/orgs/${harness.orgId}$`));
    await page.getByRole('heading', { level: 1, name: 'Nordljus AB' }).waitFor();

    expect((await membership()).map((m) => m.role)).toEqual(['member']);
  });
});
