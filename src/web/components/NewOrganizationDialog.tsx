// Starting another organisation from the account menu: its name and short name; the
// caller becomes its owner and lands on its home page.
import '../styles/mantine-pages.css';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isSlug } from '../../core/slug.ts';
import { OrgNameFields } from './OrgNameFields.tsx';
import { api, ApiError } from '../api/client.ts';
import type { Org } from '../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../app/unsaved-changes.ts';
import { problemText, showFieldErrors } from './serverErrors.ts';

const FIELDS = ['name', 'slug'] as const;

export default function NewOrganizationDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', slug: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('required')),
      slug: (value) => (isSlug(value) ? null : t('newOrg.slugInvalid')),
    },
  });
  const dialog = useGuardedDialog(onClose);
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const org = await api.post<Org>('/orgs', { name: values.name.trim(), slug: values.slug });
      guard.saved();
      await client.invalidateQueries({ queryKey: ['me'] });
      onClose();
      void navigate(`/orgs/${org.id}`);
    } catch (e) {
      // A short name someone else has is said at its field.
      if (e instanceof ApiError && e.status === 409) form.setFieldError('slug', problemText(e));
      else if (!showFieldErrors(form, e, FIELDS)) setError(problemText(e));
    }
  });

  return (
    <Modal opened onClose={dialog.close} title={t('newOrg.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('newOrg.intro')}
          </Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <OrgNameFields
            form={form}
            nameField="name"
            autoFocus
            labels={{ name: t('newOrg.name'), slug: t('newOrg.slug'), slugHelp: t('newOrg.slugHelp') }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('newOrg.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
