// Adding a strategy theme, or renaming and describing one. A change names the version it
// was based on; a stale one is refused (412) and said so, and the list is read again.
import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME_LIMITS } from '../../../core/limits.ts';
import { api } from '../../api/client.ts';
import type { Theme } from '../../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { notifyDone, saveProblem } from '../admin/shared.tsx';
import { refreshThemes } from './refresh-themes.ts';

interface Values {
  name: string;
  description: string;
}

export function ThemeDialog({ orgId, theme, onClose }: { orgId: string; theme?: Theme; onClose: () => void }) {
  const { t } = useTranslation('themes');
  const client = useQueryClient();
  const dialog = useGuardedDialog(onClose);
  const [error, setError] = useState<string | null>(null);
  const longerThan = (max: number) => (value: string) => (value.length > max ? t('form.tooLong', { max }) : null);
  const form = useForm<Values>({
    initialValues: { name: theme?.name ?? '', description: theme?.description ?? '' },
    validate: {
      name: (value) => (value.trim() ? longerThan(THEME_LIMITS.name)(value.trim()) : t('form.required')),
      description: longerThan(THEME_LIMITS.description),
    },
  });
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const body = { name: values.name.trim(), description: values.description.trim() };
    try {
      if (theme) await api.patch(`/themes/${theme.id}`, theme.version, body);
      else await api.post(`/orgs/${orgId}/themes`, body);
      guard.saved();
      notifyDone(t('saved'));
      await refreshThemes(client, orgId);
      onClose();
    } catch (e) {
      setError(saveProblem(form, e, ['name', 'description']));
      if (theme) await refreshThemes(client, orgId);
    }
  });

  return (
    <Modal opened onClose={dialog.close} title={t(theme ? 'form.editTitle' : 'form.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('form.name')}
            description={t('form.nameHint')}
            required
            data-autofocus
            maxLength={THEME_LIMITS.name}
            {...form.getInputProps('name')}
          />
          <Textarea
            label={t('form.description')}
            description={t('form.descriptionHint')}
            autosize
            minRows={2}
            maxLength={THEME_LIMITS.description}
            {...form.getInputProps('description')}
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
