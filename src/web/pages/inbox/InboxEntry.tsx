import { Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.tsx';
import type { InboxItem } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { relativeTime } from '../conversation/relative-time.ts';
import classes from './InboxEntry.module.css';

/** One notification: a link to its comment, "Sara mentioned you on …", the excerpt, how long ago. */
export function InboxEntry({ orgId, item, onFollow }: { orgId: string; item: InboxItem; onFollow: () => void }) {
  const { t } = useTranslation('inbox');
  const { locale } = useFormat();
  const what = { author: item.authorName ?? t('someone'), objective: item.objectiveTitle };
  return (
    <li>
      <UnstyledButton
        component={Link}
        to={`/orgs/${orgId}/objectives/${item.objectiveId}#comment-${item.commentId}`}
        onClick={onFollow}
        className={classes.entry}
        data-unread={!item.read || undefined}
        data-testid="inbox-item"
      >
        {!item.read && <VisuallyHidden>{t('unread')}: </VisuallyHidden>}
        <Text size="sm" fw={item.read ? 400 : 600} component="span" display="block">
          {item.kind === 'mention' ? t('mention', what) : t('comment', what)}
        </Text>
        {item.excerpt && (
          <Text size="sm" c="dimmed" lineClamp={2} component="span" display="block">
            {item.excerpt}
          </Text>
        )}
        <Text size="xs" c="dimmed" component="time" dateTime={item.createdAt} display="block">
          {relativeTime(item.createdAt, locale)}
        </Text>
      </UnstyledButton>
    </li>
  );
}
