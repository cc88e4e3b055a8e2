import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { problemText, showFieldErrors } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { InvitationHeading } from './InvitationHeading.tsx';
import { setLocale } from '../../i18n/index.ts';
import { passwordRule } from './setup-status.ts';
import { JoinInvitation, type JoinableInvitation } from './JoinInvitation.tsx';
import { Spinner } from '../../components/Spinner.tsx';

interface Invitation extends JoinableInvitation {
  /** The name to start from; only for someone choosing a password. */
  name?: string;
  acceptBy: 'password' | 'sign_in';
}

/**
 * An invited person new to Riktning chooses a password (and may correct their name), then
 * is signed in; someone with an account signs in and joins (JoinInvitation).
 */
export default function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation(['auth', 'common']);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => api.get<Invitation>(`/invitations/${encodeURIComponent(token)}`, signal),
    staleTime: Infinity,
  });

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} w="100%" maw={460}>
        {invitation.isPending ? (
          <Center py="xl">
            <Spinner label={t('common:loading')} />
          </Center>
        ) : invitation.isError ? (
          <InvalidLink error={invitation.error} />
        ) : invitation.data.acceptBy === 'sign_in' ? (
          <JoinInvitation token={token} invitation={invitation.data} />
        ) : (
          <AcceptForm token={token} invitation={invitation.data} />
        )}
      </Paper>
    </Center>
  );
}

function InvalidLink({ error }: { error: unknown }) {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={1} size="h2">
          {t('invite.invalidTitle')}
        </Title>
        <Box style={{ flexShrink: 0 }}>
          <LanguageSwitcher />
        </Box>
      </Group>
      <Alert color="red" role="alert">
        {error instanceof ApiError && error.status === 404 ? error.problem.title : problemText(error)}
      </Alert>
      <Text>{t('invite.askAgain')}</Text>
      <Anchor component={Link} to="/login">
        {t('invite.toSignIn')}
      </Anchor>
    </Stack>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation(['auth', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: invitation.name ?? '', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : t('common:required')),
      password: (value) => passwordRule(value, t),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    const name = values.name.trim();
    try {
      const result = await api.post<{ account: Me }>(`/invitations/${encodeURIComponent(token)}/accept`, {
        password: values.password,
        ...(name !== invitation.name ? { name } : {}),
      });
      // Whatever was cached belonged to whoever was signed in before; the invitation itself
      // stays, or this page would ask for it again (now used) while it leaves.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'invitation' });
      client.setQueryData(['me'], result.account);
      await setLocale(result.account.locale);
      const memberships = result.account.memberships;
      const org = memberships.find((m) => m.orgName === invitation.orgName) ?? memberships[0];
      void navigate(org ? `/orgs/${org.orgId}` : '/', { replace: true });
    } catch (e) {
      if (!showFieldErrors(form, e, ['name', 'password'])) setError(problemText(e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <InvitationHeading orgName={invitation.orgName} />
        <Text c="dimmed">{t('invite.intro', { org: invitation.orgName })}</Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput
          label={t('invite.email')}
          value={invitation.email}
          readOnly
          autoComplete="username"
          variant="filled"
        />
        <TextInput label={t('invite.name')} required autoComplete="name" {...form.getInputProps('name')} />
        <PasswordInput
          label={t('invite.password')}
          description={t('password.rules')}
          required
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Text size="sm" c="dimmed">
          {t('invite.expires', { date: format.date(invitation.expiresAt) })}
        </Text>
        <Button type="submit" loading={form.submitting}>
          {t('invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
