// What the job runner posts to channels on its own, each poll: the weekly digest and the
// check-ins due, in the same send windows as the e-mails (core/notification-schedule.ts:
// Monday morning, Thursday morning), and a cycle's closing once it is CYCLE_CLOSING_DAYS or
// fewer from its last day. Set-based: one statement finds the channels owed a post (across
// every organisation), two read what their messages say per organisation, one inserts them.
// Dedupe keys (per channel and week, or per channel and cycle) keep each post to one.
import { sql, type SQL } from 'drizzle-orm';
import { CYCLE_CLOSING_DAYS, type ChatKind } from '../../core/chat/chat-channel.ts';
import type { ChatMessage } from '../../core/chat/chat-message.ts';
import { openPeriod } from '../../core/notification-schedule.ts';
import { queryRows } from '../../db/raw.ts';
import { appLink, type AppDeps } from '../context.ts';
import type { ScheduleOptions } from '../notifications/scheduled-scope.ts';
import { orgLocale, queueChatPosts, type QueuedPost } from './queue.ts';
import { loadScopeFigures, type ChatScope } from './scope-messages.ts';

interface ChannelRow {
  org_id: string;
  id: string;
  kind: ChatKind;
  unit_id: string | null;
  unit_name: string | null;
  org_name: string;
  default_locale: string;
  wants_digest: boolean;
  wants_due: boolean;
}

interface ClosingRow {
  org_id: string;
  id: string;
  kind: ChatKind;
  unit_id: string | null;
  cycle_id: string;
  cycle_name: string;
  ends_on: string;
  default_locale: string;
  unscored: number;
}

export const digestKey = (channelId: string, period: string) => `weekly-digest:${channelId}:${period}`;
export const dueKey = (channelId: string, period: string) => `check-ins-due:${channelId}:${period}`;
export const closingKey = (channelId: string, cycleId: string) => `cycle-closing:${channelId}:${cycleId}`;

/** The calendar day at `now` in the time zone, 'YYYY-MM-DD'. */
const localDay = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Channels of a live scope (the organisation, or a unit not archived), of organisations with an active cycle. */
const liveChannels = (orgId: string | undefined): SQL => sql`
  (ch.unit_id is null or u.archived_at is null)
  and exists (select 1 from cycles c where c.org_id = ch.org_id and c.status = 'active')
  ${orgId ? sql`and ch.org_id = ${orgId}::uuid` : sql``}`;

/** Queues what the channels are owed at `now`; returns how many posts were added. */
export async function scheduleChatPosts(deps: AppDeps, options: ScheduleOptions): Promise<number> {
  const now = deps.now();
  const digestPeriod = openPeriod('weekly_digest', now, options.timeZone);
  const duePeriod = openPeriod('check_in_reminder', now, options.timeZone);
  let added = 0;
  if (digestPeriod || duePeriod) added += await scheduleWeekly(deps, options.orgId, digestPeriod, duePeriod, now);
  added += await scheduleClosing(deps, options, now);
  return added;
}

async function scheduleWeekly(
  deps: AppDeps,
  orgId: string | undefined,
  digestPeriod: string | null,
  duePeriod: string | null,
  now: Date,
): Promise<number> {
  const owed = (kind: string, period: string | null) =>
    period
      ? sql`(${kind} = any(ch.messages) and not exists (select 1 from chat_posts p
              where p.org_id = ch.org_id and p.dedupe_key = ${`${kind}:`} || ch.id::text || ${`:${period}`}))`
      : sql`false`;
  const channels = await queryRows<ChannelRow>(
    deps.db,
    sql`
    select * from (
      select ch.org_id, ch.id, ch.kind, ch.unit_id, u.name as unit_name, o.name as org_name, o.default_locale,
             ${owed('weekly-digest', digestPeriod)} as wants_digest, ${owed('check-ins-due', duePeriod)} as wants_due
        from chat_channels ch
        join organizations o on o.id = ch.org_id
        left join units u on u.org_id = ch.org_id and u.id = ch.unit_id
       where ${liveChannels(orgId)}) owed
     where wants_digest or wants_due
     order by org_id, id`,
  );
  const byOrg = new Map<string, ChannelRow[]>();
  for (const channel of channels) byOrg.set(channel.org_id, [...(byOrg.get(channel.org_id) ?? []), channel]);
  let added = 0;
  for (const [org, rows] of byOrg) {
    const scopeOf = (row: ChannelRow): ChatScope => ({ unitId: row.unit_id, name: row.unit_name ?? row.org_name });
    const figures = await loadScopeFigures(deps, deps.db, org, rows.map(scopeOf), now);
    const posts: QueuedPost[] = rows.flatMap((row) => {
      const locale = orgLocale(row.default_locale);
      const post = (message: ChatMessage | null, dedupeKey: string): QueuedPost[] =>
        message ? [{ orgId: org, channelId: row.id, kind: row.kind, message, dedupeKey }] : [];
      return [
        ...(row.wants_digest && digestPeriod
          ? post(figures.digest(scopeOf(row), locale), digestKey(row.id, digestPeriod))
          : []),
        ...(row.wants_due && duePeriod ? post(figures.due(scopeOf(row), locale), dueKey(row.id, duePeriod)) : []),
      ];
    });
    added += (await queueChatPosts(deps.db, posts, now)).length;
  }
  return added;
}

/**
 * Each channel that wants it is told once per cycle, CYCLE_CLOSING_DAYS or fewer before its
 * last day, how many of its scope's objectives still lack a final score; a scope with no
 * objectives in the cycle is not told.
 */
async function scheduleClosing(deps: AppDeps, options: ScheduleOptions, now: Date): Promise<number> {
  const today = localDay(now, options.timeZone);
  const rows = await queryRows<ClosingRow>(
    deps.db,
    sql`
    select * from (
      select ch.org_id, ch.id, ch.kind, ch.unit_id, c.id as cycle_id, c.name as cycle_name, c.ends_on::text as ends_on,
             o.default_locale,
             count(ob.id) filter (where ob.final_score is null)::int as unscored, count(ob.id)::int as objectives
        from chat_channels ch
        join organizations o on o.id = ch.org_id
        left join units u on u.org_id = ch.org_id and u.id = ch.unit_id
        join cycles c on c.org_id = ch.org_id and c.status = 'active'
                     and c.ends_on between ${today}::date and ${today}::date + ${CYCLE_CLOSING_DAYS}::int
        left join objectives ob on ob.org_id = ch.org_id and ob.cycle_id = c.id and ob.archived_at is null
              and ob.lifecycle = 'published' and ob.visibility = 'public'
              and (case when ch.unit_id is null then ob.level = 'organization' else ob.unit_id = ch.unit_id end)
       where 'cycle-closing' = any(ch.messages) and ${liveChannels(options.orgId)}
         and not exists (select 1 from chat_posts p where p.org_id = ch.org_id
                          and p.dedupe_key = 'cycle-closing:' || ch.id::text || ':' || c.id::text)
       group by ch.org_id, ch.id, ch.kind, ch.unit_id, c.id, c.name, c.ends_on, o.default_locale) owed
     where objectives > 0
     order by org_id, id`,
  );
  const posts = rows.map((row): QueuedPost => ({
    orgId: row.org_id,
    channelId: row.id,
    kind: row.kind,
    dedupeKey: closingKey(row.id, row.cycle_id),
    message: {
      kind: 'cycle-closing',
      locale: orgLocale(row.default_locale),
      link: appLink(deps, row.unit_id ? `/orgs/${row.org_id}/units/${row.unit_id}` : `/orgs/${row.org_id}`),
      cycleName: row.cycle_name,
      endsOn: row.ends_on,
      daysLeft: daysBetween(today, row.ends_on),
      unscoredObjectives: row.unscored,
    },
  }));
  return (await queueChatPosts(deps.db, posts, now)).length;
}
