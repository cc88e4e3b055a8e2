// `riktning orgs list|create` and `riktning users list|add` (add invites): the organisations one belongs
// to and their people, through the same API the web app uses.
import { ORG_ROLES } from '../../core/domain.ts';
import type { CommandContext } from '../context.ts';
import { CliError, EXIT } from '../exit-codes.ts';
import { writeJson, writeTable } from '../output.ts';
import { orgIdOf, type Me } from './org-ref.ts';

interface Member {
  accountId: string;
  name: string;
  email: string;
  role: string;
}

/** What adding someone answers: the invitation mailed to them, the same for every address. */
interface PendingInvitation {
  email: string;
  role: string;
  expiresAt: string;
}

function required(value: string | undefined, name: string, context: CommandContext): string {
  if (!value) throw new CliError(EXIT.usage, context.messages.missingArgument(name));
  return value;
}

export async function listOrgs(context: CommandContext): Promise<void> {
  const me = await (await context.api()).json<Me>({ method: 'GET', path: '/me' });
  if (context.format === 'json') return writeJson(context.stdout, me.memberships);
  const { columns, roles } = context.messages;
  writeTable(
    context.stdout,
    [columns.slug, columns.name, columns.role, columns.id],
    me.memberships.map((m) => [m.orgSlug, m.orgName, roles[m.role] ?? m.role, m.orgId]),
  );
}

export async function createOrg(context: CommandContext): Promise<void> {
  const name = required(context.args[0], 'NAME', context);
  const slug = required(context.options.slug, '--slug', context);
  const locale = context.options.locale;
  const org = await (
    await context.api()
  ).json<{ id: string; name: string; slug: string }>({
    method: 'POST',
    path: '/orgs',
    body: { name, slug, ...(locale ? { defaultLocale: locale } : {}) },
  });
  if (context.format === 'json') return writeJson(context.stdout, org);
  context.stdout.write(`${context.messages.orgCreated(org.name, org.slug)}\n`);
}

export async function listUsers(context: CommandContext): Promise<void> {
  const api = await context.api();
  const orgId = await orgIdOf(api, context);
  const members: Member[] = [];
  // Every page: a list for a script is the whole list.
  for (let cursor: string | null = ''; cursor !== null;) {
    const page: { items: Member[]; nextCursor: string | null } = await api.json({
      method: 'GET',
      path: `/orgs/${orgId}/members`,
      query: { limit: '200', ...(cursor ? { cursor } : {}) },
    });
    members.push(...page.items);
    cursor = page.nextCursor;
  }
  if (context.format === 'json') return writeJson(context.stdout, members);
  const { columns, roles } = context.messages;
  writeTable(
    context.stdout,
    [columns.name, columns.email, columns.role, columns.id],
    members.map((m) => [m.name, m.email, roles[m.role] ?? m.role, m.accountId]),
  );
}

export async function addUser(context: CommandContext): Promise<void> {
  const email = required(context.args[0], 'EMAIL', context);
  const name = required(context.options.name, '--name', context);
  const role = context.options.role ?? 'member';
  if (!(ORG_ROLES as readonly string[]).includes(role)) {
    throw new CliError(EXIT.usage, context.messages.badValue('--role', role, context.messages.oneOf(ORG_ROLES)));
  }
  const api = await context.api();
  const orgId = await orgIdOf(api, context);
  // The same invitation as from the web app: the command line acts for an admin, and an
  // address with an account of its own joins only by accepting.
  const invitation = await api.json<PendingInvitation>({
    method: 'POST',
    path: `/orgs/${orgId}/members`,
    body: { email, name, role },
  });
  if (context.format === 'json') return writeJson(context.stdout, invitation);
  context.stdout.write(`${context.messages.invitationSent(invitation.email, invitation.expiresAt.slice(0, 10))}\n`);
}
