import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ChangeEvent, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useAuthProviders } from '../../api/auth-providers.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { setLocale } from '../../i18n/index.ts';
import { useSetupStatus } from './setup-status.ts';

const SsoSignIn = lazy(() => import('./SsoSignIn.tsx'));

/** Only paths inside the app are followed after sign-in, never another site. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  // A fresh installation has nobody to sign in yet: it starts with the set-up.
  const setup = useSetupStatus();
  // ?org=<slug>: the sign-in page an organisation shares offers its own provider too.
  const providers = useAuthProviders(params.get('org'));
  const ssoRefusal = params.get('sso');
  // Two fields: plain state rather than @mantine/form, which would be the largest part of
  // this first page's own code. Like useForm: checked on submit, a field's message cleared
  // as it changes.
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const field = (name: 'email' | 'password') => ({
    value: values[name],
    error: errors[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
      setErrors((current) => ({ ...current, [name]: undefined }));
    },
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = {
      email: values.email.trim() ? undefined : t('required'),
      password: values.password ? undefined : t('required'),
    };
    setErrors(invalid);
    if (invalid.email || invalid.password) return;
    setError(null);
    setSubmitting(true);
    try {
      const result = await api.post<{ account: Me }>('/auth/login', values);
      client.clear();
      client.setQueryData(['me'], result.account);
      await setLocale(result.account.locale);
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('signIn.tooMany') : t('signIn.failed'));
    } finally {
      setSubmitting(false);
    }
  };

  if (setup.data?.needed) return <Navigate to="/setup" replace />;

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form onSubmit={(event) => void submit(event)} noValidate>
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
            {(ssoRefusal || !!providers.data?.length) && (
              <Suspense fallback={null}>
                <SsoSignIn providers={providers.data ?? []} refusal={ssoRefusal} next={safeNext(params.get('next'))} />
              </Suspense>
            )}
            <TextInput label={t('signIn.email')} type="email" autoComplete="username" required {...field('email')} />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...field('password')}
            />
            <Button type="submit" loading={submitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
