import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_ROLES, type OrgRole } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import type { Org } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { saveProblem } from './shared.tsx';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';

/** The server's answer, the same for every address: whether it has an account is not ours to know. */
interface SentInvitation {
  email: string;
  role: OrgRole;
  expiresAt: string;
}

const FIELDS = ['name', 'email', 'role'] as const;

/** Invites a person by e-mail; they join when they accept the invitation mailed to them. */
export function InviteDialog({ org, opened, onClose }: { org: Org; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const format = useFormat();
  const [sent, setSent] = useState<SentInvitation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', role: 'member' as OrgRole },
    validate: {
      name: (value) => (value.trim() ? null : t('required')),
      email: (value) =>
        !value.trim() ? t('required') : /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('invite.emailInvalid'),
    },
  });
  const grantOwner = org.abilities['member.grantOwner'] === true;

  const reset = () => {
    form.reset();
    setSent(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  // Once the invitation is sent, what was typed is saved.
  const dialog = useGuardedDialog(close);
  useDialogFormGuard(dialog.dirtyRef, sent === null && form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      setSent(
        await api.post<SentInvitation>(`/orgs/${org.id}/members`, {
          name: values.name.trim(),
          email: values.email.trim(),
          role: values.role,
        }),
      );
      // The outbox holds the new e-mail.
      await client.invalidateQueries({ queryKey: ['outbox', org.id] });
    } catch (e) {
      setError(saveProblem(form, e, FIELDS));
    }
  });

  return (
    <Modal opened={opened} onClose={dialog.close} title={t('invite.title')} size="lg">
      {sent ? (
        <Stack>
          <Alert color="teal" role="status" title={t('invite.sent', { email: sent.email })}>
            {t('invite.sentDetail', {
              org: org.name,
              role: t(`roles.${sent.role}`).toLocaleLowerCase(),
              date: format.date(sent.expiresAt),
            })}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('invite.noMailServer')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              {t('invite.another')}
            </Button>
            <Button onClick={close}>{t('invite.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('invite.intro', { org: org.name })}
            </Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('invite.name')}
              description={t('invite.nameHelp')}
              required
              data-autofocus
              autoComplete="off"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('invite.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <Select
              label={t('invite.role')}
              description={t(`roleHelp.${form.values.role}`)}
              data={ORG_ROLES.map((role) => ({
                value: role,
                label: t(`roles.${role}`),
                disabled: role === 'owner' && !grantOwner,
              }))}
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={dialog.close}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit" loading={form.submitting}>
                {t('invite.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
