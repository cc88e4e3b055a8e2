import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Fieldset,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { problemText, showFieldErrors } from '../../components/serverErrors.ts';
import { currentLocale, setLocale } from '../../i18n/index.ts';
import { isSlug } from '../../../core/slug.ts';
import { OrgNameFields } from '../../components/OrgNameFields.tsx';
import { passwordRule, useSetupStatus } from './setup-status.ts';
import { Spinner } from '../../components/Spinner.tsx';

const FIELDS = ['organizationName', 'slug', 'name', 'email', 'password'] as const;

/** First run: the installation has no account yet; make the organisation and its owner. */
export default function SetupPage() {
  const { t } = useTranslation(['auth', 'common']);
  const navigate = useNavigate();
  const client = useQueryClient();
  const status = useSetupStatus();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // The short name follows the organisation's name until the person edits it.
  const form = useForm({
    initialValues: { organizationName: '', slug: '', name: '', email: '', password: '' },
    validate: {
      organizationName: (value) => (value.trim() ? null : t('common:required')),
      slug: (value) => (!value ? t('common:required') : isSlug(value) ? null : t('setup.slugInvalid')),
      name: (value) => (value.trim() ? null : t('common:required')),
      email: (value) =>
        !value.trim() ? t('common:required') : /^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('setup.emailInvalid'),
      password: (value) => passwordRule(value, t),
    },
  });

  if (status.isPending) {
    return (
      <Center h="100vh">
        <Spinner label={t('common:loading')} />
      </Center>
    );
  }
  if (status.data && !status.data.needed && !done) return <Navigate to="/login" replace />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const result = await api.post<{ account: Me }>('/setup', {
        ...values,
        email: values.email.trim(),
        locale: currentLocale(),
      });
      setDone(true);
      client.clear();
      client.setQueryData(['me'], result.account);
      client.setQueryData(['setup'], { needed: false });
      await setLocale(result.account.locale);
      const org = result.account.memberships[0];
      void navigate(org ? `/orgs/${org.orgId}` : '/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.problem.code === 'setup_done') {
        setError(t('setup.done'));
        return;
      }
      if (!showFieldErrors(form, e, FIELDS)) setError(problemText(e));
    }
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} w="100%" maw={520}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Title order={1} size="h2">
                {t('setup.title')}
              </Title>
              <Box style={{ flexShrink: 0 }}>
                <LanguageSwitcher />
              </Box>
            </Group>
            <Text c="dimmed">{t('setup.intro')}</Text>
            {error && (
              <Alert color="red" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{error}</Text>
                  <Anchor component={Link} to="/login" size="sm">
                    {t('setup.toSignIn')}
                  </Anchor>
                </Stack>
              </Alert>
            )}
            <Fieldset legend={t('setup.organisation')}>
              <Stack gap="sm">
                <OrgNameFields
                  form={form}
                  nameField="organizationName"
                  labels={{ name: t('setup.orgName'), slug: t('setup.slug'), slugHelp: t('setup.slugHelp') }}
                />
              </Stack>
            </Fieldset>
            <Fieldset legend={t('setup.you')}>
              <Stack gap="sm">
                <TextInput label={t('setup.name')} required autoComplete="name" {...form.getInputProps('name')} />
                <TextInput
                  label={t('setup.email')}
                  type="email"
                  required
                  autoComplete="email"
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('setup.password')}
                  description={t('password.rules')}
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
              </Stack>
            </Fieldset>
            <Button type="submit" loading={form.submitting}>
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
