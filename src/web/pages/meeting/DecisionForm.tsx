// A decision taken at the weekly check-in, written down as a comment on the key result
// (the conversation keeps it, notifies as comments do, and the feed shows it).
import { Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { MeetingKeyResult } from '../../api/types.ts';
import { notify } from '../objective/notify.ts';

export function DecisionForm({ keyResult }: { keyResult: Pick<MeetingKeyResult, 'id' | 'objectiveId' | 'title'> }) {
  const { t } = useTranslation(['meeting', 'common']);
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [written, setWritten] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    const decision = text.trim();
    if (!decision || saving) return;
    setSaving(true);
    setError(null);
    try {
      await api.post(`/objectives/${keyResult.objectiveId}/comments`, {
        body: `**${t('decision.prefix')}** ${decision}`,
        keyResultId: keyResult.id,
      });
      setWritten((list) => [...list, decision]);
      setText('');
      setOpen(false);
      notify(t('decision.saved', { title: keyResult.title }));
      void client.invalidateQueries({ queryKey: ['comments'] });
      void client.invalidateQueries({ queryKey: ['feed'] });
    } catch (failure) {
      setError(
        failure instanceof ApiError ? (failure.fieldMessage('body') ?? failure.message) : t('common:error.title'),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap={6}>
      {written.map((decision, i) => (
        <Text key={i} size="sm" data-testid="meeting-decision">
          <Text span fw={600}>
            {t('decision.prefix')}
          </Text>{' '}
          {decision}
        </Text>
      ))}
      {open ? (
        <Stack gap="xs">
          <Textarea
            label={t('decision.label', { title: keyResult.title })}
            placeholder={t('decision.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
              if (event.key === 'Escape' && !text.trim()) setOpen(false);
            }}
            error={error}
            autosize
            minRows={2}
            data-autofocus
            autoFocus
          />
          <Group gap="xs">
            <Button size="xs" onClick={() => void save()} loading={saving} disabled={!text.trim()}>
              {t('decision.save')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setOpen(false)}>
              {t('decision.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)} style={{ alignSelf: 'start' }}>
          {t('decision.write')}
        </Anchor>
      )}
    </Stack>
  );
}
