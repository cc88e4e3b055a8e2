import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORG_ROLES, type OrgRole } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import type { Member, Org } from '../../api/types.ts';
import { InvitationLink, type InvitationLinkData } from './InvitationLink.tsx';
import { saveProblem } from './shared.tsx';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';

type Added = Member & { invitation?: InvitationLinkData };

const FIELDS = ['name', 'email', 'role'] as const;

/** Adds a person by e-mail; someone new to Riktning gets a link to hand over. */
export function InviteDialog({ org, opened, onClose }: { org: Org; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['admin', 'common']);
  const client = useQueryClient();
  const [added, setAdded] = useState<Added | null>(null);
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
    setAdded(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  // Once the person is added, what was typed is saved.
  const dialog = useGuardedDialog(close);
  useDialogFormGuard(dialog.dirtyRef, added === null && form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const member = await api.post<Added>(`/orgs/${org.id}/members`, {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role,
      });
      setAdded(member);
      await client.invalidateQueries({ queryKey: ['members', org.id] });
    } catch (e) {
      setError(saveProblem(form, e, FIELDS));
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={dialog.close}
      title={added ? t('link.title', { name: added.name }) : t('invite.title')}
      size="lg"
    >
      {added ? (
        <Stack>
          <Alert color="teal" role="status">
            {added.invitation
              ? t('invite.added', { name: added.name })
              : t('invite.addedExisting', { name: added.name })}
          </Alert>
          {added.invitation && <InvitationLink name={added.name} link={added.invitation} />}
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
