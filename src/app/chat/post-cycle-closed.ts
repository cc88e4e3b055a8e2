// A cycle's close, for the channels that want its closing: the organisation's channel hears
// of the organisation's objectives, a unit's of the unit's own; public, published ones only.
// Queued in the closing transaction, one statement for every channel; a cycle closed again
// after reopening is posted once.
import { sql } from 'drizzle-orm';
import type { ChatKind } from '../../core/chat/chat-channel.ts';
import type { Queryable } from '../../db/connect.ts';
import { queryRows } from '../../db/raw.ts';
import { appLink, type AppDeps } from '../context.ts';
import { orgLocale, queueChatPosts } from './queue.ts';

interface Row {
  channel_id: string;
  kind: ChatKind;
  unit_id: string | null;
  default_locale: string;
  cycle_name: string;
  objectives: number;
  scored: number;
  average_score: number | null;
}

export const closedKey = (channelId: string, cycleId: string) => `cycle-closed:${channelId}:${cycleId}`;

export async function postCycleClosedToChannels(
  deps: AppDeps,
  q: Queryable,
  orgId: string,
  cycleId: string,
  at: Date,
): Promise<void> {
  const rows = await queryRows<Row>(
    q,
    sql`
    select * from (
      select ch.id as channel_id, ch.kind, ch.unit_id, org.default_locale, c.name as cycle_name,
             count(ob.id)::int as objectives,
             count(ob.final_score)::int as scored,
             avg(ob.final_score)::float8 as average_score
        from chat_channels ch
        join organizations org on org.id = ch.org_id
        join cycles c on c.org_id = ch.org_id and c.id = ${cycleId}::uuid
        left join units u on u.org_id = ch.org_id and u.id = ch.unit_id
        left join objectives ob on ob.org_id = ch.org_id and ob.cycle_id = c.id and ob.archived_at is null
              and ob.lifecycle in ('published', 'closed') and ob.visibility = 'public'
              and (case when ch.unit_id is null then ob.level = 'organization' else ob.unit_id = ch.unit_id end)
       where ch.org_id = ${orgId}::uuid and 'cycle-closing' = any(ch.messages)
         and (ch.unit_id is null or u.archived_at is null)
       group by ch.id, ch.kind, ch.unit_id, org.default_locale, c.name) owed
     where objectives > 0
     order by channel_id`,
  );
  const scope = (unitId: string | null) => (unitId ? `/orgs/${orgId}/units/${unitId}` : `/orgs/${orgId}`);
  await queueChatPosts(
    q,
    rows.map((row) => ({
      orgId,
      channelId: row.channel_id,
      kind: row.kind,
      dedupeKey: closedKey(row.channel_id, cycleId),
      message: {
        kind: 'cycle-closed',
        locale: orgLocale(row.default_locale),
        link: appLink(deps, `${scope(row.unit_id)}?cycle=${cycleId}`),
        cycleName: row.cycle_name,
        objectives: row.objectives,
        scoredObjectives: row.scored,
        averageScore: row.average_score === null ? null : Number(row.average_score),
      },
    })),
    at,
  );
}
