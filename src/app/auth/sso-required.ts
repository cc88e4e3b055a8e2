// "SSO required" (an organisation's setting, docs/sso.md): its members sign in through the
// identity provider, not with a password; its owners keep their password, so that a broken
// provider cannot lock everyone out (break-glass). Only while there is SSO for it: the
// installation's or the organisation's own.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connect.ts';
import { queryRows } from '../../db/raw.ts';
import type { AppDeps } from '../context.ts';
import { AppError } from '../errors.ts';

/** Refuses a password sign-in for an account that some organisation makes use single sign-on. */
export async function assertPasswordAllowed(deps: AppDeps, q: Queryable, accountId: string): Promise<void> {
  // It applies where there is single sign-on to use: the installation's, or the organisation's own.
  const [required] = await queryRows<{ one: number }>(
    q,
    sql`select 1 as one from memberships m join organizations o on o.id = m.org_id
         where m.account_id = ${accountId}::uuid and m.role <> 'owner'
           and coalesce((o.settings ->> 'ssoRequired')::boolean, false)
           and (${deps.ssoEnabled === true} or exists (select 1 from org_sso_providers p where p.org_id = o.id))
         limit 1`,
  );
  if (required) throw new AppError('forbidden', 'sso_required');
}
