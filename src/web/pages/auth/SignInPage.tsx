import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { setLocale } from '../../i18n/index.ts';
import { useSetupStatus } from './setup-status.ts';

/** Only paths inside the app are followed after sign-in, never another site. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // A fresh installation has nobody to sign in yet: it starts with the set-up.
  const setup = useSetupStatus();
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('signIn.required')),
      password: (value) => (value ? null : t('signIn.required')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await api.post<{ account: Me }>('/auth/login', values);
      client.clear();
      client.setQueryData(['me'], result.account);
      await setLocale(result.account.locale);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('signIn.tooMany') : t('signIn.failed'));
    }
  });

  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <LanguageSwitcher />
            </Group>
            <Text c="dimmed">{t('signIn.intro')}</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
