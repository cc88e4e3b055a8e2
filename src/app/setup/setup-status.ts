// A fresh installation has no accounts at all; until the first one is made, the web app
// offers the first-run set-up instead of the sign-in page.
import { accounts } from '../../db/schema.ts';
import type { Queryable } from '../../db/connect.ts';
import type { AppDeps } from '../context.ts';

export async function hasAnyAccount(q: Queryable): Promise<boolean> {
  const rows = await q.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length > 0;
}

export async function getSetupStatus(deps: AppDeps): Promise<{ needed: boolean }> {
  return { needed: !(await hasAnyAccount(deps.db)) };
}
