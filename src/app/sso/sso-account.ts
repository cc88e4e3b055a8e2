// Who a person signing in through the provider is here: the account already linked to the
// provider's subject; else the account with the provider-verified e-mail address, linked now;
// else, for an allowed domain, a new account (just in time), a member of the organisation
// the installation names. Then the role the person's groups map to in that organisation,
// at every sign-in (an owner stays owner). In the caller's transaction; each link, account
// and role is audited.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { domainAllowed, roleFromGroups, type SsoMappedRole } from '../../core/sso.ts';
import type { Tx } from '../../db/connect.ts';
import { accounts, memberships, organizations } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { SsoRefused } from './sso-refused.ts';
import type { OidcSettings } from './relying-party.ts';

export interface ProviderPerson {
  /** ssoSubjectKey(issuer, subject). */
  subject: string;
  /** Verified by the provider. */
  email: string;
  name: string;
  /** The groups claim's values, for the admin's group → role mapping. */
  groups: string[];
}

/**
 * The active account the person signs in as; refused when there is none they may have.
 * When another sign-in of the same new person made the account meanwhile (two tabs, a
 * double click), it is found on the second look rather than made twice.
 */
export async function ssoAccount(
  tx: Tx,
  settings: OidcSettings,
  person: ProviderPerson,
  secondLook = false,
): Promise<string> {
  const found = await accountOfPerson(tx, person);
  if (found) {
    if (found.status !== 'active') throw new SsoRefused('sso_inactive');
    if (found.ssoSubject !== person.subject) {
      // An address is linked to one subject: another subject claiming it is refused.
      if (found.ssoSubject !== null) throw new SsoRefused('sso_token');
      await tx
        .update(accounts)
        .set({ ssoSubject: person.subject })
        .where(and(eq(accounts.id, found.id), isNull(accounts.ssoSubject)));
      await recordAudit(tx, {
        orgId: null,
        actorId: found.id,
        action: 'account.sso_link',
        entityType: 'account',
        entityId: found.id,
        after: { issuer: settings.issuer },
      });
    }
    await applyMappedRole(tx, settings, found.id, person.groups);
    return found.id;
  }
  if (!domainAllowed(person.email, settings.allowedDomains)) throw new SsoRefused('sso_domain');
  const created = await createAccount(tx, settings, person);
  if (created) return created;
  if (secondLook) throw new Error('an account for this sign-in is neither found nor made');
  return ssoAccount(tx, settings, person, true);
}

/**
 * The account linked to the provider's subject, else the one with the address. One statement,
 * so both are read in one snapshot: read apart, another sign-in of the same person could
 * commit between the two and its new account would look like an address claimed by another
 * subject.
 */
async function accountOfPerson(tx: Tx, person: ProviderPerson) {
  const rows = await tx
    .select({ id: accounts.id, status: accounts.status, ssoSubject: accounts.ssoSubject })
    .from(accounts)
    .where(or(eq(accounts.ssoSubject, person.subject), eq(sql`lower(${accounts.email})`, person.email.toLowerCase())))
    .for('update');
  return rows.find((row) => row.ssoSubject === person.subject) ?? rows[0];
}

const joinOrg = async (tx: Tx, settings: OidcSettings) =>
  settings.joinOrgSlug
    ? (
        await tx
          .select({ id: organizations.id, locale: organizations.defaultLocale })
          .from(organizations)
          .where(eq(organizations.slug, settings.joinOrgSlug))
      )[0]
    : undefined;

/** The role the groups map to, in the join organisation: given, changed, or left alone. */
async function applyMappedRole(tx: Tx, settings: OidcSettings, accountId: string, groups: string[]): Promise<void> {
  const role = roleFromGroups(groups, settings.roleMap);
  const org = role && (await joinOrg(tx, settings));
  if (!role || !org) return;
  const [current] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, org.id), eq(memberships.accountId, accountId)))
    .for('update');
  // Owners are made in the app, and keep their way in whatever the provider says of them.
  if (current?.role === 'owner' || current?.role === role) return;
  if (current) {
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, org.id), eq(memberships.accountId, accountId)));
  } else {
    await tx.insert(memberships).values({ orgId: org.id, accountId, role });
  }
  await recordAudit(tx, {
    orgId: org.id,
    actorId: accountId,
    action: 'member.role_from_sso',
    entityType: 'account',
    entityId: accountId,
    before: { role: current?.role ?? null },
    after: { role },
  });
}

/** The new account's id; null when one with its address or subject was made meanwhile. */
async function createAccount(tx: Tx, settings: OidcSettings, person: ProviderPerson): Promise<string | null> {
  const org = await joinOrg(tx, settings);
  const role: SsoMappedRole = roleFromGroups(person.groups, settings.roleMap) ?? 'member';
  const [account] = await tx
    .insert(accounts)
    .values({
      email: person.email,
      name: person.name,
      ssoSubject: person.subject,
      ...(org ? { locale: org.locale } : {}),
    })
    // Another sign-in's insert of the same address or subject waits for it to end, then does nothing.
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  if (!account) return null;
  if (org) await tx.insert(memberships).values({ orgId: org.id, accountId: account.id, role });
  await recordAudit(tx, {
    orgId: org?.id ?? null,
    actorId: account.id,
    action: 'account.sso_create',
    entityType: 'account',
    entityId: account.id,
    after: { email: person.email, name: person.name, issuer: settings.issuer, role: org ? role : null },
  });
  return account.id;
}
