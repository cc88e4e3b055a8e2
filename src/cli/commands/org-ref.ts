// `--org SLUG|ID`: an id is used as it is; a short name is looked up among the caller's
// organisations (GET /me), as a person knows an organisation by its short name.
import { isUuid } from '../../app/scope.ts';
import type { Api } from '../api.ts';
import type { CommandContext } from '../context.ts';
import { CliError, EXIT } from '../exit-codes.ts';

export interface Me {
  id: string;
  name: string;
  email: string;
  memberships: { orgId: string; orgName: string; orgSlug: string; role: string }[];
}

export function requiredOrg(context: CommandContext): string {
  const org = context.options.org;
  if (!org) throw new CliError(EXIT.usage, context.messages.missingArgument('--org'));
  return org;
}

export async function orgIdOf(api: Api, context: CommandContext): Promise<string> {
  const org = requiredOrg(context);
  if (isUuid(org)) return org;
  const me = await api.json<Me>({ method: 'GET', path: '/me' });
  const found = me.memberships.find((membership) => membership.orgSlug === org.toLowerCase());
  if (!found) throw new CliError(EXIT.refused, context.messages.unknownOrg(org));
  return found.orgId;
}
