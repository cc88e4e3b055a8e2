import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../core/webhook-events.ts';
import { api } from '../../api/client.ts';
import type { WebhookWithSecret } from '../../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { saveProblem } from '../admin/shared.tsx';
import { webhooksKey } from './webhooks-key.ts';
import { CheckboxList } from '../../components/OutboundControls.tsx';

interface Values {
  url: string;
  events: WebhookEvent[];
}

/** Adding a webhook: its URL and the events it is told about. The answer carries the secret. */
export function WebhookFormDialog({
  orgId,
  onClose,
  onCreated,
}: {
  orgId: string;
  onClose: () => void;
  onCreated: (webhook: WebhookWithSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const client = useQueryClient();
  const dialog = useGuardedDialog(onClose);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { url: '', events: [] },
    validate: {
      url: (value) => (/^https?:\/\/\S+$/i.test(value.trim()) ? null : t('form.urlInvalid')),
      events: (value) => (value.length > 0 ? null : t('form.eventsRequired')),
    },
  });
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api.post<WebhookWithSecret>(`/orgs/${orgId}/webhooks`, {
        url: values.url.trim(),
        events: WEBHOOK_EVENTS.filter((event) => values.events.includes(event)),
      });
      guard.saved();
      await client.invalidateQueries({ queryKey: webhooksKey(orgId) });
      onCreated(created);
    } catch (e) {
      setError(saveProblem(form, e, ['url', 'events']));
    }
  });

  return (
    <Modal opened onClose={dialog.close} title={t('form.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('form.url')}
            description={t('form.urlHelp')}
            placeholder="https://"
            type="url"
            required
            data-autofocus
            {...form.getInputProps('url')}
          />
          <CheckboxList
            label={t('events.legend')}
            required
            options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: t(`events.${event}`) }))}
            input={form.getInputProps('events')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
