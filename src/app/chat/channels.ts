// Slack and Teams channels (docs/chat.md): the organisation's, kept by admins, and a unit's,
// kept by admins and the unit's leads (`chat.manage`). The incoming-webhook URL is a secret:
// it is checked against its chat's addresses when given and answered only masked, and the
// audit log keeps only the masked form. Changes name the version they saw (If-Match).
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { chatUrlProblem, DEFAULT_CHAT_MESSAGES, maskChatUrl, type ChatKind } from '../../core/chat/chat-channel.ts';
import type { ChatMessageKind } from '../../core/chat/chat-message.ts';
import { can } from '../../core/policy.ts';
import type { Tx } from '../../db/connect.ts';
import { chatChannels, units } from '../../db/schema.ts';
import { recordAudit } from '../audit.ts';
import { forgetChatChannels } from '../caches.ts';
import type { AppDeps, Caller } from '../context.ts';
import { forbidden, invalid, notFound } from '../errors.ts';
import { actorInOrg, isUuid, type OrgActor } from '../scope.ts';
import { inTransaction } from '../transaction.ts';
import { assertUnitInOrg } from '../references.ts';
import { assertVersion } from '../versioning.ts';

export interface ChatChannelView {
  id: string;
  /** Null: the organisation's channel. */
  unitId: string | null;
  unitName: string | null;
  kind: ChatKind;
  /** The URL's host and last characters: enough to recognise it, not to post with it. */
  maskedUrl: string;
  messages: ChatMessageKind[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

type Row = typeof chatChannels.$inferSelect;

const present = (row: Row, unitName: string | null): ChatChannelView => ({
  id: row.id,
  unitId: row.unitId,
  unitName,
  kind: row.kind as ChatKind,
  maskedUrl: maskChatUrl(row.url),
  messages: row.messages as ChatMessageKind[],
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

function checkUrl(deps: AppDeps, kind: ChatKind, url: string): string {
  const problem = chatUrlProblem(kind, url.trim(), deps.allowPrivateOutbound === true);
  if (problem) throw invalid('/body/url', problem);
  return new URL(url.trim()).toString();
}

/** The messages in the app's order, each once. */
const messageList = (messages: readonly ChatMessageKind[]) => [...new Set(messages)];

const auditOf = (row: Row) => ({
  unitId: row.unitId,
  kind: row.kind,
  url: maskChatUrl(row.url),
  messages: row.messages,
});

export async function createChatChannel(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: { kind: ChatKind; url: string; unitId?: string | null; messages?: ChatMessageKind[] },
): Promise<ChatChannelView> {
  const url = checkUrl(deps, input.kind, input.url);
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    const unitId = input.unitId ?? null;
    if (!can(actor, 'chat.manage', { unitId })) throw forbidden();
    const unitName = unitId ? (await assertUnitInOrg(tx, actor.orgId, unitId, '/body/unitId')).name : null;
    const [row] = await tx
      .insert(chatChannels)
      .values({
        orgId: actor.orgId,
        unitId,
        kind: input.kind,
        url,
        messages: messageList(input.messages ?? DEFAULT_CHAT_MESSAGES),
        createdBy: caller.accountId,
      })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'chat_channel.create',
      entityType: 'chat_channel',
      entityId: row.id,
      unitId,
      after: auditOf(row),
    });
    return present(row, unitName);
  }).finally(() => forgetChatChannels(deps));
}

/**
 * The channels the caller keeps: with `unitId`, that unit's (its leads and admins); without,
 * every channel of the organisation, the units' too (admins).
 */
export async function listChatChannels(
  deps: AppDeps,
  caller: Caller,
  orgId: string,
  input: { unitId?: string },
): Promise<ChatChannelView[]> {
  return inTransaction(deps, async (tx) => {
    const actor = await actorInOrg(tx, caller, orgId);
    if (!can(actor, 'chat.manage', { unitId: input.unitId ?? null })) throw forbidden();
    const where: SQL[] = [eq(chatChannels.orgId, actor.orgId)];
    if (input.unitId !== undefined) where.push(eq(chatChannels.unitId, input.unitId));
    const rows = await tx
      .select({ channel: chatChannels, unitName: units.name })
      .from(chatChannels)
      .leftJoin(units, and(eq(units.orgId, chatChannels.orgId), eq(units.id, chatChannels.unitId)))
      .where(and(...where))
      .orderBy(asc(chatChannels.unitId), asc(chatChannels.createdAt), asc(chatChannels.id));
    return rows.map((row) => present(row.channel, row.unitName));
  });
}

/** The channel `id` for a caller who may keep it; locked when it is to change. */
export async function ownChannel(
  tx: Tx,
  caller: Caller,
  id: string,
  forChange = true,
): Promise<{ actor: OrgActor; row: Row; unitName: string | null }> {
  if (!isUuid(id)) throw notFound('chat_channel');
  const [found] = await tx.select({ orgId: chatChannels.orgId }).from(chatChannels).where(eq(chatChannels.id, id));
  if (!found) throw notFound('chat_channel');
  const actor = await actorInOrg(tx, caller, found.orgId);
  const query = tx
    .select({ channel: chatChannels, unitName: units.name })
    .from(chatChannels)
    .leftJoin(units, and(eq(units.orgId, chatChannels.orgId), eq(units.id, chatChannels.unitId)))
    .where(and(eq(chatChannels.orgId, actor.orgId), eq(chatChannels.id, id)));
  const [row] = forChange ? await query.for('update', { of: chatChannels }) : await query;
  if (!row) throw notFound('chat_channel');
  if (!can(actor, 'chat.manage', { unitId: row.channel.unitId })) throw forbidden();
  return { actor, row: row.channel, unitName: row.unitName };
}

export async function updateChatChannel(
  deps: AppDeps,
  caller: Caller,
  id: string,
  version: number,
  input: { url?: string; messages?: ChatMessageKind[] },
): Promise<ChatChannelView> {
  return inTransaction(deps, async (tx) => {
    const { actor, row, unitName } = await ownChannel(tx, caller, id);
    assertVersion(row.version, version);
    const url = input.url === undefined ? row.url : checkUrl(deps, row.kind as ChatKind, input.url);
    const messages = input.messages === undefined ? row.messages : messageList(input.messages);
    const [after] = await tx
      .update(chatChannels)
      .set({ url, messages, version: row.version + 1, updatedAt: deps.now() })
      .where(and(eq(chatChannels.orgId, actor.orgId), eq(chatChannels.id, id)))
      .returning();
    if (!after) throw notFound('chat_channel');
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'chat_channel.update',
      entityType: 'chat_channel',
      entityId: id,
      unitId: row.unitId,
      before: auditOf(row),
      after: auditOf(after),
    });
    return present(after, unitName);
  }).finally(() => forgetChatChannels(deps));
}

export async function deleteChatChannel(deps: AppDeps, caller: Caller, id: string): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { actor, row } = await ownChannel(tx, caller, id);
    await tx.delete(chatChannels).where(and(eq(chatChannels.orgId, actor.orgId), eq(chatChannels.id, id)));
    await recordAudit(tx, {
      orgId: actor.orgId,
      actorId: caller.accountId,
      action: 'chat_channel.delete',
      entityType: 'chat_channel',
      entityId: id,
      unitId: row.unitId,
      before: auditOf(row),
    });
  }).finally(() => forgetChatChannels(deps));
}
