// What happened lately to the OKRs of the organisation, a unit or an objective: one
// translated sentence per event, newest first, in relative time, with "show more".
// Below the home page's fold, it loads on demand: with the styles of its Mantine parts.
import '../../styles/mantine-pages.css';
import { Anchor, Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Link } from '../../components/Link.tsx';
import type { FeedItem } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { feedSentence } from './feed-sentence.ts';
import { useFeed, type FeedScope } from './queries.ts';
import { relativeTime } from './relative-time.ts';

interface Props {
  orgId: string;
  scope?: FeedScope;
  /** Heading level of the feed's title in the page. */
  order?: 2 | 3;
}

export function ActivityFeed({ orgId, scope = {}, order = 2 }: Props) {
  const { t } = useTranslation('conversation');
  const feed = useFeed(orgId, scope);
  const items = feed.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="feed-title" data-testid="activity-feed">
      <Stack gap="sm">
        <Title order={order} size="h3" id="feed-title">
          {t('feed.title')}
        </Title>
        {feed.isPending ? (
          <Skeleton height={80} />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('feed.empty')}
          </Text>
        ) : (
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => (
              <FeedEntry key={item.id} orgId={orgId} item={item} linkObjective={!scope.objectiveId} />
            ))}
          </Stack>
        )}
        {feed.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            onClick={() => void feed.fetchNextPage()}
            loading={feed.isFetchingNextPage}
            style={{ alignSelf: 'start' }}
          >
            {t('feed.showMore')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function FeedEntry({ orgId, item, linkObjective }: { orgId: string; item: FeedItem; linkObjective: boolean }) {
  const { t } = useTranslation('conversation');
  const format = useFormat();
  const { search } = useLocation();
  const fieldNames = (fields: string[]) =>
    fields.map((field) => t(`feed.field.${field}` as 'feed.field.title')).join(t('feed.and'));
  const sentence = feedSentence(item, {
    actor: item.actorName ?? t('feed.someone'),
    fields: fieldNames,
    number: format.number,
  });
  // An action this build does not know yet (a newer server) still reads as a sentence.
  const fallback = t('feed.action.fallback', { actor: sentence.values.actor ?? '' });
  const text: string = t(`feed.action.${sentence.key}` as 'feed.action.fallback', {
    ...sentence.values,
    actor: sentence.values.actor ?? '',
    defaultValue: fallback,
  });
  const target = item.objective && !item.objective.archived && linkObjective ? item.objective : null;
  return (
    <li data-testid="feed-item">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {target ? (
          <Anchor component={Link} to={`/orgs/${orgId}/objectives/${target.id}${search}`} inherit>
            {text}
          </Anchor>
        ) : (
          text
        )}
        {item.objective?.archived && ` ${t('feed.objectiveArchivedNote')}`}
      </Text>
      {item.details.excerpt && (
        <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {item.details.excerpt}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        <time dateTime={item.createdAt} title={format.dateTime(item.createdAt)}>
          {relativeTime(item.createdAt, format.locale)}
        </time>
      </Text>
    </li>
  );
}
