// A person's own settings: the language (of the app and of their e-mail), the password,
// which e-mails they receive, and their API tokens (ApiTokensCard.tsx). Each switch saves at
// once; the server's version guards a concurrent change.
import { Card, SegmentedControl, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { notify } from '../../components/notify.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '../../../core/domain.ts';
import { api } from '../../api/client.ts';
import { useMe, useOrg } from '../../api/queries.ts';
import type { Me, NotificationSettings } from '../../api/types.ts';
import { isConflict } from '../../components/serverErrors.ts';
import { setLocale } from '../../i18n/index.ts';
import { PasswordCard } from './PasswordCard.tsx';
import { ApiTokensCard } from './ApiTokensCard.tsx';
import { SettingsSection } from './SettingsSection.tsx';

const SWITCHES = ['checkInReminders', 'weeklyDigest', 'mentions'] as const;
type SwitchKey = (typeof SWITCHES)[number];
const SETTINGS_KEY = ['me', 'notifications'];

export default function SettingsPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('settings');
  const org = useOrg(orgId);
  return (
    <Stack gap="lg" maw={720}>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed">{t('intro', { org: org.data?.name ?? '' })}</Text>
      </Stack>
      <LanguageCard />
      <PasswordCard />
      <EmailCard />
      <ApiTokensCard />
    </Stack>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation('settings');
  const me = useMe();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: async (locale: Locale) => {
      await setLocale(locale);
      const current = client.getQueryData<Me>(['me']) ?? me.data;
      return current && current.locale !== locale ? api.patch<Me>('/me', current.version, { locale }) : current;
    },
    onSuccess: (updated) => {
      if (updated) client.setQueryData(['me'], updated);
      notify({ message: t('language.saved'), color: 'teal' });
    },
  });
  return (
    <Card withBorder component="section" aria-labelledby="settings-language">
      <Stack gap="sm">
        <Title order={2} size="h3" id="settings-language">
          {t('language.title')}
        </Title>
        <Text id="settings-language-label" size="sm">
          {t('language.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="settings-language-label"
          value={i18n.language === 'en' ? 'en' : 'sv'}
          onChange={(value) => change.mutate(value as Locale)}
          data={[
            { value: 'sv', label: <span lang="sv">Svenska</span> },
            { value: 'en', label: <span lang="en">English</span> },
          ]}
          w="fit-content"
        />
      </Stack>
    </Card>
  );
}

function EmailCard() {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const settings = useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => api.get<NotificationSettings>('/me/notifications', signal),
  });
  const save = useMutation({
    mutationFn: ({ key, on, version }: { key: SwitchKey; on: boolean; version: number }) =>
      api.patch<NotificationSettings>('/me/notifications', version, { [key]: on }),
    onSuccess: (updated) => {
      client.setQueryData(SETTINGS_KEY, updated);
      notify({ message: t('email.saved'), color: 'teal' });
    },
    onError: (error) => {
      notify({ message: t(isConflict(error) ? 'email.stale' : 'email.failed'), color: 'red' });
      void client.invalidateQueries({ queryKey: SETTINGS_KEY });
    },
  });
  const data = settings.data;
  return (
    <SettingsSection id="settings-email" title={t('email.title')} intro={t('email.intro')}>
      {!data ? (
        <Skeleton height={120} />
      ) : (
        SWITCHES.map((key) => (
          <Switch
            key={key}
            label={t(`email.${key}`)}
            description={t(`email.${key}Help`)}
            checked={save.isPending && save.variables.key === key ? save.variables.on : data[key]}
            disabled={save.isPending}
            onChange={(event) => save.mutate({ key, on: event.currentTarget.checked, version: data.version })}
          />
        ))
      )}
    </SettingsSection>
  );
}
