// Each check-in, for the channels that want every one: the organisation's channel hears of
// check-ins on the organisation's objectives, a unit's channel of those on the unit's own.
// Never of a private objective or a draft. Queued beside the check-in's webhook event (in its
// transaction, or the statement after the quick path's); with the process's caches, an
// organisation with no such channel costs no statement at all.
import { sql } from 'drizzle-orm';
import type { ChatKind } from '../../core/chat/chat-channel.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows, uuidArray } from '../../db/raw.ts';
import { appLink, type AppDeps } from '../context.ts';
import { orgLocale, queueChatPosts } from './queue.ts';

interface Row {
  channel_id: string;
  kind: ChatKind;
  default_locale: string;
  objective_id: string;
  objective_title: string;
  key_result_title: string;
  target: number;
  unit: string;
  author_name: string | null;
  value: number;
  confidence: number | null;
  note: string;
}

/** Whether any channel of the organisation wants each check-in; from the process's cache when it has one. */
async function anyChannelWants(deps: AppDeps, q: Queryable, orgId: string): Promise<boolean> {
  const read = async () =>
    (
      await queryRows<{ one: number }>(
        q,
        sql`select 1 as one from chat_channels where org_id = ${orgId} and 'check-in' = any(messages) limit 1`,
      )
    ).length > 0;
  if (!deps.caches) return read();
  return (await deps.caches.chatCheckIns.get(orgId, read)) ?? read();
}

export async function postCheckInsToChannels(
  deps: AppDeps,
  q: Queryable,
  orgId: string,
  checkInIds: readonly string[],
  at: Date,
): Promise<void> {
  if (checkInIds.length === 0 || !(await anyChannelWants(deps, q, orgId))) return;
  const rows = await queryRows<Row>(
    q,
    sql`
    select ch.id as channel_id, ch.kind, org.default_locale, o.id as objective_id, o.title as objective_title,
           kr.title as key_result_title, kr.target_value as target, kr.unit, a.name as author_name,
           ci.value, ci.confidence, ci.note
      from check_ins ci
      join key_results kr on kr.org_id = ci.org_id and kr.id = ci.key_result_id
      join objectives o on o.org_id = ci.org_id and o.id = kr.objective_id
      join organizations org on org.id = ci.org_id
      join chat_channels ch on ch.org_id = ci.org_id and 'check-in' = any(ch.messages)
                            and (case when ch.unit_id is null then o.level = 'organization' else o.unit_id = ch.unit_id end)
      left join units u on u.org_id = ch.org_id and u.id = ch.unit_id
      left join accounts a on a.id = ci.author_id
     where ci.org_id = ${orgId} and ci.id = any(${uuidArray(checkInIds)})
       and o.visibility = 'public' and o.lifecycle = 'published' and o.archived_at is null
       and (ch.unit_id is null or u.archived_at is null)
     order by ci.created_at, ci.id, ch.id`,
  );
  await queueChatPosts(
    q,
    rows.map((row) => ({
      orgId,
      channelId: row.channel_id,
      kind: row.kind,
      message: {
        kind: 'check-in',
        locale: orgLocale(row.default_locale),
        link: appLink(deps, `/orgs/${orgId}/objectives/${row.objective_id}`),
        keyResultTitle: row.key_result_title,
        objectiveTitle: row.objective_title,
        authorName: row.author_name ?? '?',
        value: Number(row.value),
        target: Number(row.target),
        unit: row.unit,
        confidence: row.confidence === null ? null : Number(row.confidence),
        note: row.note || null,
      },
    })),
    at,
  );
}
