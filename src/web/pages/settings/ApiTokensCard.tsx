// My settings → API tokens: a person's tokens for scripts and the command line, each with
// its last use and when it expires; a new one (seen once, in SecretDialog) or revoking one.
import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SecretDialog } from '../../components/SecretDialog.tsx';
import { TokenExpiry } from '../../components/TokenExpiry.tsx';
import {
  LIFETIME_TEXT_KEYS,
  lifetimeDays,
  TOKEN_LIFETIMES,
  type TokenLifetime,
} from '../../components/token-lifetime.ts';
import { useFormat } from '../../format.ts';
import { saveProblem } from '../admin/shared.tsx';
import { SettingsSection } from './SettingsSection.tsx';

const TOKENS_KEY = ['me', 'tokens'];

export function ApiTokensCard() {
  const { t } = useTranslation('settings');
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async ({ signal }) => (await api.get<{ items: ApiToken[] }>('/me/tokens', signal)).items,
  });
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Ninety days by default: a script's token is renewed now and then, not kept forever.
  const form = useForm<{ name: string; lifetime: TokenLifetime }>({
    initialValues: { name: '', lifetime: '90' },
    validate: { name: (value) => (value.trim() ? null : t('tokens.nameRequired')) },
  });

  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const made = await api.post<ApiToken & { token: string }>('/me/tokens', {
        name: values.name.trim(),
        expiresInDays: lifetimeDays(values.lifetime),
      });
      form.reset();
      await client.invalidateQueries({ queryKey: TOKENS_KEY });
      setCreated(made.token);
    } catch (e) {
      setError(saveProblem(form, e, ['name']));
    }
  });

  return (
    <SettingsSection id="settings-tokens" title={t('tokens.title')} intro={t('tokens.intro')}>
      <QueryState query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('tokens.empty')}
            </Text>
          ) : (
            <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('tokens.title')}>
              {list.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </Stack>
          )
        }
      </QueryState>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (
            <Text c="red" size="sm" role="alert">
              {error}
            </Text>
          )}
          <Group align="end" gap="sm">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHelp')}
              maxLength={100}
              style={{ flex: 1 }}
              {...form.getInputProps('name')}
            />
            <Select
              label={t('tokens.lifetime')}
              data={TOKEN_LIFETIMES.map((value) => ({
                value,
                label: t(`tokens.lifetimes.${LIFETIME_TEXT_KEYS[value]}`),
              }))}
              allowDeselect={false}
              w={160}
              {...form.getInputProps('lifetime')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('tokens.create')}
            </Button>
          </Group>
        </Stack>
      </form>
      {created && (
        <SecretDialog
          title={t('tokens.createdTitle')}
          intro={t('tokens.createdIntro')}
          label={t('tokens.label')}
          secret={created}
          testId="api-token"
          texts={{ copy: t('tokens.copy'), copied: t('tokens.copied'), done: t('tokens.done') }}
          onClose={() => setCreated(null)}
        />
      )}
    </SettingsSection>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  return (
    <Card component="li" withBorder padding="sm" data-testid="api-token-row">
      <Group justify="space-between" wrap="nowrap" align="start">
        <Stack gap={2}>
          <Text fw={600}>{token.name}</Text>
          <Text size="xs" c="dimmed">
            {t('tokens.createdAt', { time: format.dateTime(token.createdAt) })} ·{' '}
            {token.lastUsedAt
              ? t('tokens.lastUsed', { time: format.dateTime(token.lastUsedAt) })
              : t('tokens.neverUsed')}
          </Text>
          <TokenExpiry expiresAt={token.expiresAt} words={(state, time) => t(`tokens.expiry.${state}`, { time })} />
        </Stack>
        <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming(true)}>
          {t('tokens.revoke')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={t('tokens.revokeTitle', { name: token.name })}
        confirmLabel={t('tokens.revoke')}
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          await api.delete(`/me/tokens/${token.id}`);
          await client.invalidateQueries({ queryKey: TOKENS_KEY });
        }}
      >
        {t('tokens.revokeBody')}
      </ConfirmDialog>
    </Card>
  );
}
