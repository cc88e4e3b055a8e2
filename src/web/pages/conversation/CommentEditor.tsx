// Editing a comment in place. Mentions show as the "@Name" the author typed and turn back
// into tokens on saving (a name still written the same way keeps its person). Escape
// cancels, as does the Cancel button; the server mails only people mentioned for the first time.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { notify } from '../../components/notify.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenizeMentions, untokenizeMentions } from '../../../core/mentions.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Comment } from '../../api/types.ts';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';

export function CommentEditor({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const { t } = useTranslation('conversation');
  const client = useQueryClient();
  const [initial] = useState(() => untokenizeMentions(comment.body));
  const [text, setText] = useState(initial.text);
  const [error, setError] = useState<string | null>(null);
  const leaving = useUnsavedChangesGuard(text !== initial.text);

  const save = useMutation({
    mutationFn: () =>
      api.patch<Comment>(`/comments/${comment.id}`, comment.version, {
        body: tokenizeMentions(text.trim(), initial.people),
      }),
    onSuccess: async () => {
      leaving.allowLeaving();
      notify({ message: t('comment.saved'), color: 'teal' });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['comments', comment.objectiveId] }),
        client.invalidateQueries({ queryKey: ['feed'] }),
      ]);
      onDone();
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldMessage('body') ?? e.problem.title) : String(e)),
  });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) save.mutate();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('comment.editLabel')}
          autosize
          minRows={2}
          maxRows={12}
          value={text}
          error={error}
          data-autofocus
          autoFocus
          onChange={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onDone();
            }
          }}
        />
        <Group gap="xs" justify="flex-end">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('comment.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={save.isPending} disabled={!text.trim()}>
            {t('comment.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
