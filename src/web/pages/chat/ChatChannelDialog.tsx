// Adding a Slack or Teams channel (which chat, its incoming-webhook URL, what is posted), or
// changing one: what is posted, and a new URL if it moved. The stored URL is never shown
// whole, so a change leaves it as it is unless a new one is typed. A change names the
// version it was based on; a stale one is refused (412) and said so.
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MESSAGE_KINDS, DEFAULT_CHAT_MESSAGES, type ChatKind } from '../../../core/chat/chat-channel.ts';
import type { ChatMessageKind } from '../../../core/chat/chat-message.ts';
import { api } from '../../api/client.ts';
import type { ChatChannel } from '../../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { notifyDone, saveProblem } from '../admin/shared.tsx';
import { chatChannelsKey } from './chat-key.ts';
import { CheckboxList } from '../../components/OutboundControls.tsx';

interface Values {
  kind: ChatKind;
  url: string;
  messages: ChatMessageKind[];
}

export function ChatChannelDialog({
  orgId,
  unitId,
  channel,
  onClose,
}: {
  orgId: string;
  unitId: string | null;
  /** The channel to change; none to add one. */
  channel?: ChatChannel;
  onClose: () => void;
}) {
  const { t } = useTranslation('chat');
  const client = useQueryClient();
  const dialog = useGuardedDialog(onClose);
  const kindLabel = useId();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      kind: channel?.kind ?? 'slack',
      url: '',
      messages: channel?.messages ?? [...DEFAULT_CHAT_MESSAGES],
    },
    validate: {
      url: (value) =>
        (channel && value.trim() === '') || /^https?:\/\/\S+$/i.test(value.trim()) ? null : t('form.urlInvalid'),
    },
  });
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const messages = CHAT_MESSAGE_KINDS.filter((kind) => values.messages.includes(kind));
    const url = values.url.trim();
    try {
      if (channel) {
        await api.patch(`/chat-channels/${channel.id}`, channel.version, { messages, ...(url ? { url } : {}) });
      } else {
        await api.post(`/orgs/${orgId}/chat-channels`, { kind: values.kind, url, unitId, messages });
      }
      guard.saved();
      await client.invalidateQueries({ queryKey: ['chat-channels', orgId] });
      notifyDone(t('saved'));
      onClose();
    } catch (e) {
      setError(saveProblem(form, e, ['url', 'messages', 'kind']));
      // A channel changed meanwhile: show what it is now, to choose again.
      if (channel) await client.invalidateQueries({ queryKey: chatChannelsKey(orgId, unitId) });
    }
  });

  return (
    <Modal opened onClose={dialog.close} title={t(channel ? 'form.editTitle' : 'form.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {!channel && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id={kindLabel}>
                {t('form.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby={kindLabel}
                data={(['slack', 'teams'] as const).map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
                {...form.getInputProps('kind')}
              />
            </Stack>
          )}
          <TextInput
            label={t(channel ? 'form.newUrl' : 'form.url')}
            description={t(`form.urlHelp.${form.values.kind}`)}
            placeholder="https://"
            type="url"
            required={!channel}
            data-autofocus
            autoComplete="off"
            {...form.getInputProps('url')}
          />
          <CheckboxList
            label={t('messages.legend')}
            options={CHAT_MESSAGE_KINDS.map((kind) => ({ value: kind, label: t(`messages.${kind}`) }))}
            input={form.getInputProps('messages')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t(channel ? 'form.saveChanges' : 'form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
