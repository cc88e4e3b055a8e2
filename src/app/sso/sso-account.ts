// Who a person signing in through the provider is here: the account already linked to the
// provider's subject; else the account with the provider-verified e-mail address, linked now;
// else, for an allowed domain, a new account (just in time), a member of the organisation
// the installation names. In the caller's transaction; each link and account is audited.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { domainAllowed } from '../../core/sso.ts';
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
}

/** The active account the person signs in as; refused when there is none they may have. */
export async function ssoAccount(tx: Tx, settings: OidcSettings, person: ProviderPerson): Promise<string> {
  const columns = { id: accounts.id, status: accounts.status, ssoSubject: accounts.ssoSubject };
  const [linked] = await tx.select(columns).from(accounts).where(eq(accounts.ssoSubject, person.subject));
  const [byEmail] = linked
    ? []
    : await tx
        .select(columns)
        .from(accounts)
        .where(eq(sql`lower(${accounts.email})`, person.email.toLowerCase()))
        .for('update');
  const found = linked ?? byEmail;
  if (found) {
    if (found.status !== 'active') throw new SsoRefused('sso_inactive');
    if (!linked) {
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
    return found.id;
  }
  if (!domainAllowed(person.email, settings.allowedDomains)) throw new SsoRefused('sso_domain');
  return createAccount(tx, settings, person);
}

async function createAccount(tx: Tx, settings: OidcSettings, person: ProviderPerson): Promise<string> {
  const [org] = settings.joinOrgSlug
    ? await tx
        .select({ id: organizations.id, locale: organizations.defaultLocale })
        .from(organizations)
        .where(eq(organizations.slug, settings.joinOrgSlug))
    : [];
  const [account] = await tx
    .insert(accounts)
    .values({
      email: person.email,
      name: person.name,
      ssoSubject: person.subject,
      ...(org ? { locale: org.locale } : {}),
    })
    .returning({ id: accounts.id });
  if (!account) throw new Error('the insert returned no row');
  if (org) await tx.insert(memberships).values({ orgId: org.id, accountId: account.id, role: 'member' });
  await recordAudit(tx, {
    orgId: org?.id ?? null,
    actorId: account.id,
    action: 'account.sso_create',
    entityType: 'account',
    entityId: account.id,
    after: { email: person.email, name: person.name, issuer: settings.issuer, role: org ? 'member' : null },
  });
  return account.id;
}
