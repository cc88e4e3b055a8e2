import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICE_SCOPES, type ServiceScope } from '../../../core/service-scopes.ts';
import { api } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import type { ServiceAccountWithToken } from '../../api/types.ts';
import { useDialogFormGuard, useGuardedDialog } from '../../app/unsaved-changes.ts';
import { saveProblem } from '../admin/shared.tsx';
import {
  LIFETIME_TEXT_KEYS,
  lifetimeDays,
  TOKEN_LIFETIMES,
  type TokenLifetime,
} from '../../components/token-lifetime.ts';
import { SCOPE_TEXT_KEYS, serviceAccountsKey } from './service-accounts-key.ts';

interface Values {
  name: string;
  scopes: ServiceScope[];
  unitId: string | null;
  lifetime: TokenLifetime;
}

/** Adding a service account: its name, scopes, an optional unit and its tokens' lifetime. The answer carries the token. */
export function ServiceAccountFormDialog({
  orgId,
  onClose,
  onCreated,
}: {
  orgId: string;
  onClose: () => void;
  onCreated: (account: ServiceAccountWithToken) => void;
}) {
  const { t } = useTranslation('integrations');
  const client = useQueryClient();
  const units = useUnits(orgId);
  const dialog = useGuardedDialog(onClose);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    // A year by default: an integration's token is then renewed now and then, not kept forever.
    initialValues: { name: '', scopes: [], unitId: null, lifetime: '365' },
    validate: {
      name: (value) => (value.trim() ? null : t('form.nameRequired')),
      scopes: (value) => (value.length > 0 ? null : t('form.scopesRequired')),
    },
  });
  const guard = useDialogFormGuard(dialog.dirtyRef, form.isDirty());

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const created = await api.post<ServiceAccountWithToken>(`/orgs/${orgId}/service-accounts`, {
        name: values.name.trim(),
        scopes: SERVICE_SCOPES.filter((scope) => values.scopes.includes(scope)),
        unitId: values.unitId,
        tokenLifetimeDays: lifetimeDays(values.lifetime),
      });
      guard.saved();
      await client.invalidateQueries({ queryKey: serviceAccountsKey(orgId) });
      onCreated(created);
    } catch (e) {
      setError(saveProblem(form, e, ['name', 'scopes', 'unitId']));
    }
  });

  const unitOptions = (units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }));

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
            label={t('form.name')}
            description={t('form.nameHelp')}
            required
            maxLength={100}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Checkbox.Group label={t('scopes.legend')} withAsterisk {...form.getInputProps('scopes')}>
            <Stack gap="xs" mt="xs">
              {SERVICE_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={t(`scopes.${SCOPE_TEXT_KEYS[scope]}`)}
                  description={
                    <Text span size="xs">
                      {t(`scopeHelp.${SCOPE_TEXT_KEYS[scope]}`)}
                    </Text>
                  }
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label={t('form.unit')}
            description={t('form.unitHelp')}
            placeholder={t('wholeOrg')}
            data={unitOptions}
            searchable
            clearable
            {...form.getInputProps('unitId')}
          />
          <Select
            label={t('form.lifetime')}
            description={t('form.lifetimeHelp')}
            data={TOKEN_LIFETIMES.map((value) => ({ value, label: t(`lifetimes.${LIFETIME_TEXT_KEYS[value]}`) }))}
            allowDeselect={false}
            {...form.getInputProps('lifetime')}
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
