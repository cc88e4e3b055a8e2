// Administration → Single sign-on: the organisation's own OpenID Connect provider. Saved,
// it shows the redirect URI to register with the provider and the sign-in page to share.
// The client secret is written, never read back.
import { Alert, Button, Group, PasswordInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, request } from '../../api/client.ts';
import type { Org, OrgSsoProvider } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { CopyField } from '../../components/CopyField.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { notifyDone, saveProblem, TabHeading } from '../admin/shared.tsx';
import { parseRoleMap, roleMapText } from './role-map.ts';

interface Values {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  domains: string;
  groupsClaim: string;
  roleMap: string;
}

const valuesOf = (provider: OrgSsoProvider | null): Values => ({
  issuer: provider?.issuer ?? '',
  clientId: provider?.clientId ?? '',
  clientSecret: '',
  name: provider?.name ?? '',
  domains: provider?.allowedDomains.join(', ') ?? '',
  groupsClaim: provider?.groupsClaim ?? 'groups',
  roleMap: roleMapText(provider?.roleMap ?? {}),
});

export function SsoProviderTab({ org }: { org: Org }) {
  const { t } = useTranslation('sso');
  const provider = useQuery({
    queryKey: ['sso-provider', org.id],
    queryFn: ({ signal }) => api.get<OrgSsoProvider | null>(`/orgs/${org.id}/sso-provider`, signal),
  });
  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <QueryState query={provider}>
        {(current) => <ProviderForm key={current?.version ?? 0} org={org} current={current} />}
      </QueryState>
    </Stack>
  );
}

function ProviderForm({ org, current }: { org: Org; current: OrgSsoProvider | null }) {
  const { t } = useTranslation('sso');
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const required = (value: string) => (value.trim() ? null : t('required'));
  const form = useForm<Values>({
    initialValues: valuesOf(current),
    validate: {
      issuer: (value) => (/^https?:\/\/\S+$/i.test(value.trim()) ? null : t('issuerInvalid')),
      clientId: required,
      clientSecret: (value) => (current ? null : required(value)),
      name: required,
      roleMap: (value) => {
        const parsed = parseRoleMap(value);
        return 'badLine' in parsed ? t('roleMapInvalid', { line: parsed.badLine }) : null;
      },
    },
  });
  useUnsavedChangesGuard(form.isDirty());
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['sso-provider', org.id] }),
      client.invalidateQueries({ queryKey: ['auth', 'providers'] }),
    ]);

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const parsed = parseRoleMap(values.roleMap);
    try {
      await request('PUT', `/orgs/${org.id}/sso-provider`, {
        body: {
          issuer: values.issuer.trim(),
          clientId: values.clientId.trim(),
          ...(values.clientSecret ? { clientSecret: values.clientSecret } : {}),
          name: values.name.trim(),
          allowedDomains: values.domains.split(/[,\s]+/).filter(Boolean),
          groupsClaim: values.groupsClaim.trim() || 'groups',
          roleMap: 'map' in parsed ? parsed.map : {},
        },
        ...(current ? { version: current.version } : {}),
      });
      // Saved: the form is made anew from what the server answers (its key is the version).
      form.resetDirty();
      notifyDone(t('saved'));
      await refresh();
    } catch (e) {
      setError(saveProblem(form, e, ['issuer', 'clientId', 'clientSecret', 'name', 'groupsClaim']));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={640}>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('issuer')}
          description={t('issuerHelp')}
          required
          type="url"
          {...form.getInputProps('issuer')}
        />
        <TextInput label={t('clientId')} required {...form.getInputProps('clientId')} />
        <PasswordInput
          label={t('clientSecret')}
          description={current ? t('clientSecretKept') : undefined}
          required={!current}
          autoComplete="new-password"
          {...form.getInputProps('clientSecret')}
        />
        <TextInput label={t('name')} description={t('nameHelp')} required {...form.getInputProps('name')} />
        <TextInput label={t('domains')} description={t('domainsHelp')} {...form.getInputProps('domains')} />
        <TextInput label={t('groupsClaim')} description={t('groupsClaimHelp')} {...form.getInputProps('groupsClaim')} />
        <Textarea
          label={t('roleMap')}
          description={t('roleMapHelp')}
          autosize
          minRows={2}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('roleMap')}
        />
        {current && (
          <>
            <CopyField
              label={t('redirectUri')}
              value={current.redirectUri}
              copy={t('copy')}
              copied={t('copied')}
              testId="sso-redirect-uri"
              monospace
            />
            <CopyField
              label={t('signInUrl')}
              value={current.signInUrl}
              copy={t('copy')}
              copied={t('copied')}
              testId="sso-sign-in-url"
              monospace
            />
          </>
        )}
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('save')}
          </Button>
          {current && (
            <Button variant="subtle" color="red" onClick={() => setRemoving(true)}>
              {t('remove')}
            </Button>
          )}
        </Group>
      </Stack>
      {current && (
        <ConfirmDialog
          opened={removing}
          title={t('removeConfirm.title')}
          confirmLabel={t('removeConfirm.confirm')}
          onClose={() => setRemoving(false)}
          onConfirm={async () => {
            await api.delete(`/orgs/${org.id}/sso-provider`);
            notifyDone(t('removed'));
            await refresh();
          }}
        >
          {t('removeConfirm.body', { name: current.name })}
        </ConfirmDialog>
      )}
    </form>
  );
}
