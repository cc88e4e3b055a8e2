import { sql } from 'drizzle-orm';
import type { Locale } from '../../core/domain.ts';
import { accounts } from '../../db/schema.ts';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../transaction.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.ts';
import { startSession, type StartedSession } from '../auth/session.ts';
import { insertOrgWithOwner } from '../orgs/create-org.ts';
import { hasAnyAccount } from './setup-status.ts';

export interface CompleteSetupInput {
  organizationName: string;
  slug: string;
  name: string;
  email: string;
  password: string;
  locale: Locale;
  /** The session cookie the browser already had, if any: it is ended (no fixation). */
  previousSessionToken?: string;
}

/** Arbitrary constant: serialises set-ups, so two at once cannot both find no account. */
const SETUP_LOCK_KEY = 7_315_005;

const setupDone = () => new AppError('conflict', 'setup_done');

/**
 * The first-run set-up: only while the database has no account at all, it makes the
 * first account and its organisation (the account as owner) and signs the person in.
 * Anyone who reaches a fresh installation may do this once; afterwards it is refused.
 */
export async function completeSetup(deps: AppDeps, input: CompleteSetupInput): Promise<StartedSession> {
  // Cheap refusals first: no password hashing for a set-up that is already done.
  if (await hasAnyAccount(deps.db)) throw setupDone();
  assertAcceptablePassword(input.password, {
    email: input.email,
    name: input.name,
    orgNames: [input.organizationName, input.slug],
  });
  const passwordHash = await hashPassword(input.password);

  return inTransaction(deps, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
    // Checked again under the lock: a set-up that finished meanwhile is visible now.
    if (await hasAnyAccount(tx)) throw setupDone();
    const [account] = await tx
      .insert(accounts)
      .values({
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        locale: input.locale,
        passwordHash,
      })
      .returning();
    if (!account) throw new Error('insert returned no row');
    const org = await insertOrgWithOwner(tx, account.id, {
      name: input.organizationName,
      slug: input.slug,
      defaultLocale: input.locale,
    });
    await recordAudit(tx, {
      orgId: org.id,
      actorId: account.id,
      action: 'setup.complete',
      entityType: 'organization',
      entityId: org.id,
      after: {
        organization: { id: org.id, name: org.name, slug: org.slug, defaultLocale: org.defaultLocale },
        account: { id: account.id, email: account.email, name: account.name, locale: account.locale },
      },
    });
    return startSession(tx, deps.now(), account.id, {
      previousSessionToken: input.previousSessionToken,
      via: 'setup',
    });
  });
}
