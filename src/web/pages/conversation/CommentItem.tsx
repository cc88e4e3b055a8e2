// One comment of the conversation: author, time, "(edited)", what it is about, its text,
// and Edit / Remove for those the server says may (the comment's abilities). A removed
// comment keeps its place, as a line saying so.
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notify } from '../../components/notify.ts';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Comment } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useFormat } from '../../format.ts';
import { CommentEditor } from './CommentEditor.tsx';
import { relativeTime } from './relative-time.ts';

const CommentMarkdown = lazy(() => import('./CommentMarkdown.tsx'));

export function CommentItem({ comment, keyResultTitle }: { comment: Comment; keyResultTitle?: string }) {
  const { t } = useTranslation('conversation');
  const format = useFormat();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // A link to this comment (#comment-<id>, from the bell or an e-mail) brings it into view
  // and focus once the conversation has loaded, which the browser's own jump cannot wait for.
  const card = useRef<HTMLLIElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== `#comment-${comment.id}`) return;
    card.current?.scrollIntoView({ block: 'center' });
    card.current?.focus({ preventScroll: true });
  }, [hash, comment.id]);

  const remove = async () => {
    await api.delete(`/comments/${comment.id}`);
    notify({ message: t('comment.removedToast'), color: 'teal' });
    await Promise.all([
      client.invalidateQueries({ queryKey: ['comments', comment.objectiveId] }),
      client.invalidateQueries({ queryKey: ['feed'] }),
    ]);
  };
  const stopEditing = () => {
    setEditing(false);
    // Back to where the person was, for keyboard users.
    requestAnimationFrame(() => editButton.current?.focus());
  };

  // Its place in the conversation, the same whether it was removed or not.
  const cardProps = {
    component: 'li',
    ref: card,
    tabIndex: -1,
    withBorder: true,
    padding: 'sm',
    id: `comment-${comment.id}`,
    'data-testid': 'comment',
  } as const;

  if (comment.deletedAt) {
    return (
      <Card {...cardProps}>
        <Text size="sm" c="dimmed" fs="italic">
          {t('comment.removed')}
        </Text>
      </Card>
    );
  }

  const author = comment.authorName ?? t('comments.unknownAuthor');
  const mayEdit = comment.abilities['comment.update'];
  const mayRemove = comment.abilities['comment.delete'];
  return (
    <Card {...cardProps}>
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {author}
          </Text>
          <Anchor href={`#comment-${comment.id}`} size="xs" c="dimmed">
            <time dateTime={comment.createdAt} title={format.dateTime(comment.createdAt)}>
              {relativeTime(comment.createdAt, format.locale)}
            </time>
          </Anchor>
          {comment.editedAt && (
            <Text size="xs" c="dimmed" title={t('comment.editedAt', { time: format.dateTime(comment.editedAt) })}>
              {t('comment.edited')}
            </Text>
          )}
          {keyResultTitle && (
            <Badge variant="outline" color="gray" tt="none" fw={500}>
              {t('comments.about', { title: keyResultTitle })}
            </Badge>
          )}
          {(mayEdit || mayRemove) && !editing && (
            <Group gap={4} ml="auto">
              {mayEdit && (
                <Button
                  ref={editButton}
                  variant="subtle"
                  size="compact-xs"
                  onClick={() => setEditing(true)}
                  aria-label={`${t('comment.edit')}: ${t('comment.actionsFor', { name: author })}`}
                >
                  {t('comment.edit')}
                </Button>
              )}
              {mayRemove && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-xs"
                  onClick={() => setConfirming(true)}
                  aria-label={`${t('comment.remove')}: ${t('comment.actionsFor', { name: author })}`}
                >
                  {t('comment.remove')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {editing ? (
          <CommentEditor comment={comment} onDone={stopEditing} />
        ) : (
          <div className="markdown" style={{ overflowWrap: 'anywhere' }}>
            <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{comment.body}</Text>}>
              <CommentMarkdown>{comment.body}</CommentMarkdown>
            </Suspense>
          </div>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={t('comment.removeTitle')}
        confirmLabel={t('comment.removeConfirm')}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      >
        {t('comment.removeText')}
      </ConfirmDialog>
    </Card>
  );
}
