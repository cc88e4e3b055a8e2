// Administration → Service accounts: the organisation's tokens for integrations, each with
// its scopes, unit limit, last use and when its token expires; a new token or revoking it. A token is seen once,
// as the server answers it (after adding or rotating), in SecretDialog.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Org, ServiceAccount, ServiceAccountWithToken } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SecretDialog } from '../../components/SecretDialog.tsx';
import { TokenExpiry } from '../../components/TokenExpiry.tsx';
import { useFormat } from '../../format.ts';
import { notifyDone, TabHeading } from '../admin/shared.tsx';
import { ServiceAccountFormDialog } from './ServiceAccountFormDialog.tsx';
import { SCOPE_TEXT_KEYS, serviceAccountsKey } from './service-accounts-key.ts';

export function ServiceAccountsTab({ org }: { org: Org }) {
  const { t } = useTranslation('integrations');
  const accounts = useQuery({
    queryKey: serviceAccountsKey(org.id),
    queryFn: ({ signal }) => api.get<ServiceAccount[]>(`/orgs/${org.id}/service-accounts`, signal),
  });
  const [adding, setAdding] = useState(false);
  const [token, setToken] = useState<{ account: ServiceAccountWithToken; rotated: boolean } | null>(null);

  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <Button
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setAdding(true)}
        style={{ alignSelf: 'start' }}
      >
        {t('add')}
      </Button>
      <QueryState query={accounts}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('listLabel')}>
              {list.map((account) => (
                <ServiceAccountCard
                  key={account.id}
                  orgId={org.id}
                  account={account}
                  onRotated={(rotated) => setToken({ account: rotated, rotated: true })}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {adding && (
        <ServiceAccountFormDialog
          orgId={org.id}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setToken({ account: created, rotated: false });
          }}
        />
      )}
      {token && (
        <SecretDialog
          title={t(token.rotated ? 'token.rotatedTitle' : 'token.createdTitle')}
          intro={t(token.rotated ? 'token.rotatedIntro' : 'token.intro')}
          label={t('token.label')}
          secret={token.account.token}
          testId="service-account-token"
          texts={{ copy: t('token.copy'), copied: t('token.copied'), done: t('token.done') }}
          onClose={() => setToken(null)}
        />
      )}
    </Stack>
  );
}

function ServiceAccountCard({
  orgId,
  account,
  onRotated,
}: {
  orgId: string;
  account: ServiceAccount;
  onRotated: (account: ServiceAccountWithToken) => void;
}) {
  const { t } = useTranslation('integrations');
  const format = useFormat();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState<'rotate' | 'revoke' | null>(null);
  const refreshList = () => client.invalidateQueries({ queryKey: serviceAccountsKey(orgId) });

  return (
    <Card component="li" withBorder padding="md" data-testid="service-account">
      <Stack gap="xs">
        <Text fw={600}>{account.name}</Text>
        <Group gap={6} aria-label={t('scopes.legend')} role="list">
          {account.scopes.map((scope) => (
            <Badge key={scope} variant="light" role="listitem" tt="none">
              {t(`scopes.${SCOPE_TEXT_KEYS[scope]}`)}
            </Badge>
          ))}
        </Group>
        <Text size="sm">{account.unitName ? t('limitedTo', { unit: account.unitName }) : t('wholeOrg')}</Text>
        <Text size="xs" c="dimmed">
          {t('createdAt', { time: format.dateTime(account.createdAt) })} ·{' '}
          {account.lastUsedAt ? t('lastUsed', { time: format.dateTime(account.lastUsedAt) }) : t('neverUsed')}
        </Text>
        <TokenExpiry expiresAt={account.tokenExpiresAt} words={(state, time) => t(`tokenExpiry.${state}`, { time })} />
        <Group gap="xs">
          <Button variant="default" size="compact-sm" onClick={() => setConfirming('rotate')}>
            {t('actions.rotate')}
          </Button>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming('revoke')}>
            {t('actions.revoke')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming === 'rotate'}
        title={t('rotateConfirm.title', { name: account.name })}
        confirmLabel={t('rotateConfirm.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          const rotated = await api.post<ServiceAccountWithToken>(`/service-accounts/${account.id}/rotate-token`);
          await refreshList();
          onRotated(rotated);
        }}
      >
        {t('rotateConfirm.body')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'revoke'}
        title={t('revokeConfirm.title', { name: account.name })}
        confirmLabel={t('revokeConfirm.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          await api.delete(`/service-accounts/${account.id}`);
          notifyDone(t('revoked', { name: account.name }));
          await refreshList();
        }}
      >
        {t('revokeConfirm.body')}
      </ConfirmDialog>
    </Card>
  );
}
