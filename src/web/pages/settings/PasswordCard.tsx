// Changing one's password. The server ends every other session of the account (whoever knew
// the old password may be signed in elsewhere) and says how many: the message repeats it.
import { Alert, Button, Card, Checkbox, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { notify } from '../../components/notify.ts';
import { problemText, showFieldErrors } from '../../components/serverErrors.ts';

interface PasswordChanged {
  endedSessions: number;
  revokedTokens: number;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function PasswordCard() {
  const { t } = useTranslation(['settings', 'common']);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', revokeTokens: false },
    validate: {
      currentPassword: (value) => (value ? null : t('common:required')),
      newPassword: (value) => {
        const length = [...value].length;
        if (length === 0) return t('common:required');
        return length < 8 ? t('password.tooShort') : null;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setDone(null);
    try {
      const changed = await api.post<PasswordChanged>('/me/password', values);
      const { endedSessions, revokedTokens } = changed;
      const message = [
        t('password.changed'),
        endedSessions ? t('password.endedSessions', { count: endedSessions }) : t('password.noOtherSessions'),
        ...(values.revokeTokens
          ? [revokedTokens ? t('password.revokedTokens', { count: revokedTokens }) : t('password.noTokens')]
          : []),
      ].join(' ');
      setDone(message);
      notify({ message: t('password.changed'), color: 'teal' });
      form.reset();
    } catch (e) {
      if (!showFieldErrors(form, e, FIELDS)) setError(problemText(e));
    }
  });

  return (
    <Card withBorder component="section" aria-labelledby="settings-password">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Stack gap={4}>
            <Title order={2} size="h3" id="settings-password">
              {t('password.title')}
            </Title>
            <Text c="dimmed" size="sm">
              {t('password.intro')}
            </Text>
          </Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {done && (
            <Alert color="teal" role="status">
              {done}
            </Alert>
          )}
          <PasswordInput
            label={t('password.current')}
            required
            autoComplete="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.rules')}
            required
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <Checkbox
            label={t('password.revokeTokens')}
            description={t('password.revokeTokensHelp')}
            {...form.getInputProps('revokeTokens', { type: 'checkbox' })}
          />
          <Button type="submit" loading={form.submitting} w="fit-content">
            {t('password.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
