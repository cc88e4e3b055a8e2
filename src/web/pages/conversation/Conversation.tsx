// The conversation on an objective: comments oldest first, paged ("show later comments"),
// each about the objective or one of its key results (filterable; the filter is in the URL
// as ?about=<key result id>), and a composer for those who may comment.
import { Button, Group, NativeSelect, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrg } from '../../api/queries.ts';
import type { Objective } from '../../api/types.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentItem } from './CommentItem.tsx';
import { useComments } from './queries.ts';

export function Conversation({ orgId, objective }: { orgId: string; objective: Objective }) {
  const { t } = useTranslation('conversation');
  const [params, setParams] = useSearchParams();
  const about = objective.keyResults.find((kr) => kr.id === params.get('about'))?.id;
  const comments = useComments(objective.id, about);
  const org = useOrg(orgId);
  const titles = new Map(objective.keyResults.map((kr) => [kr.id, kr.title]));
  const items = comments.data?.pages.flatMap((page) => page.items) ?? [];

  const setAbout = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('about', value);
        else next.delete('about');
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  return (
    <Stack gap="sm" component="section" aria-labelledby="conversation-title" data-testid="conversation">
      <Group justify="space-between" align="end" wrap="wrap">
        <Title order={2} size="h3" id="conversation-title">
          {t('comments.title')}
        </Title>
        {objective.keyResults.length > 0 && (
          <NativeSelect
            size="xs"
            label={t('comments.filter')}
            value={about ?? ''}
            onChange={(event) => setAbout(event.currentTarget.value)}
            data={[
              { value: '', label: t('comments.filterAll') },
              ...objective.keyResults.map((kr) => ({ value: kr.id, label: kr.title })),
            ]}
            style={{ maxWidth: '20rem' }}
          />
        )}
      </Group>
      {comments.isPending ? (
        <Skeleton height={60} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{about ? t('comments.emptyFiltered') : t('comments.empty')}</Text>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((comment) => (
            <CommentItem key={comment.id} comment={comment} keyResultTitle={titles.get(comment.keyResultId ?? '')} />
          ))}
        </Stack>
      )}
      {comments.hasNextPage && (
        <Button variant="subtle" onClick={() => void comments.fetchNextPage()} loading={comments.isFetchingNextPage}>
          {t('comments.showMore')}
        </Button>
      )}
      {org.data?.abilities['comment.create'] ? (
        <CommentComposer key={about ?? ''} orgId={orgId} objective={objective} keyResultId={about} />
      ) : (
        org.data && (
          <Text size="sm" c="dimmed">
            {t('composer.readOnly')}
          </Text>
        )
      )}
    </Stack>
  );
}
