// Administration → Webhooks: the organisation's subscriptions, each with its events, a test
// delivery, secret rotation, removal and its delivery log. A secret is seen once, as the
// server answers it (after adding or rotating), in SecretDialog.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Org, Webhook, WebhookWithSecret } from '../../api/types.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SecretDialog } from '../../components/SecretDialog.tsx';
import { useFormat } from '../../format.ts';
import { notifyDone, TabHeading } from '../admin/shared.tsx';
import { BadgeList, LogToggleButton, useSendTest } from '../../components/OutboundControls.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { WebhookFormDialog } from './WebhookFormDialog.tsx';
import { webhooksKey } from './webhooks-key.ts';

export function WebhooksTab({ org }: { org: Org }) {
  const { t } = useTranslation('webhooks');
  const webhooks = useQuery({
    queryKey: webhooksKey(org.id),
    queryFn: ({ signal }) => api.get<Webhook[]>(`/orgs/${org.id}/webhooks`, signal),
  });
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<{ webhook: WebhookWithSecret; rotated: boolean } | null>(null);

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
      <QueryState query={webhooks}>
        {(list) =>
          list.length === 0 ? (
            <Text c="dimmed">{t('empty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('listLabel')}>
              {list.map((webhook) => (
                <WebhookCard
                  key={webhook.id}
                  orgId={org.id}
                  webhook={webhook}
                  onRotated={(rotated) => setSecret({ webhook: rotated, rotated: true })}
                />
              ))}
            </Stack>
          )
        }
      </QueryState>
      {adding && (
        <WebhookFormDialog
          orgId={org.id}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setSecret({ webhook: created, rotated: false });
          }}
        />
      )}
      {secret && (
        <SecretDialog
          title={t(secret.rotated ? 'secret.rotatedTitle' : 'secret.createdTitle')}
          intro={t(secret.rotated ? 'secret.rotatedIntro' : 'secret.intro')}
          label={t('secret.label')}
          secret={secret.webhook.secret}
          testId="webhook-secret"
          texts={{ copy: t('secret.copy'), copied: t('secret.copied'), done: t('secret.done') }}
          onClose={() => setSecret(null)}
        />
      )}
    </Stack>
  );
}

function WebhookCard({
  orgId,
  webhook,
  onRotated,
}: {
  orgId: string;
  webhook: Webhook;
  onRotated: (webhook: WebhookWithSecret) => void;
}) {
  const { t } = useTranslation('webhooks');
  const format = useFormat();
  const client = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState<'rotate' | 'remove' | null>(null);
  const logId = `webhook-log-${webhook.id}`;
  const refreshList = () => client.invalidateQueries({ queryKey: webhooksKey(orgId) });
  const { testing, sendTest } = useSendTest(
    `/webhooks/${webhook.id}/test`,
    t('testQueued', { url: webhook.url }),
    ['webhook-deliveries', webhook.id],
    () => setShowLog(true),
  );

  return (
    <Card component="li" withBorder padding="md" data-testid="webhook">
      <Stack gap="xs">
        <Text fw={600} ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
          {webhook.url}
        </Text>
        <BadgeList
          label={t('events.legend')}
          items={webhook.events.map((event) => ({ key: event, label: t(`events.${event}`) }))}
        />
        <Text size="xs" c="dimmed">
          {t('createdAt', { time: format.dateTime(webhook.createdAt) })}
          {webhook.previousSecretUntil &&
            ` · ${t('previousUntil', { time: format.dateTime(webhook.previousSecretUntil) })}`}
        </Text>
        <Group gap="xs">
          <LogToggleButton
            shown={showLog}
            logId={logId}
            onToggle={() => setShowLog((shown) => !shown)}
            label={t(showLog ? 'actions.hideDeliveries' : 'actions.deliveries')}
          />
          <Button variant="default" size="compact-sm" loading={testing} onClick={() => void sendTest()}>
            {t('actions.test')}
          </Button>
          <Button variant="default" size="compact-sm" onClick={() => setConfirming('rotate')}>
            {t('actions.rotate')}
          </Button>
          <Button variant="subtle" color="red" size="compact-sm" onClick={() => setConfirming('remove')}>
            {t('actions.remove')}
          </Button>
        </Group>
        {showLog && <DeliveryLog id={logId} webhook={webhook} />}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'rotate'}
        title={t('rotateConfirm.title')}
        confirmLabel={t('rotateConfirm.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          const rotated = await api.post<WebhookWithSecret>(`/webhooks/${webhook.id}/rotate-secret`);
          await refreshList();
          onRotated(rotated);
        }}
      >
        {t('rotateConfirm.body')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'remove'}
        title={t('removeConfirm.title')}
        confirmLabel={t('removeConfirm.confirm')}
        onClose={() => setConfirming(null)}
        onConfirm={async () => {
          await api.delete(`/webhooks/${webhook.id}`);
          notifyDone(t('removed', { url: webhook.url }));
          await refreshList();
        }}
      >
        {t('removeConfirm.body', { url: webhook.url })}
      </ConfirmDialog>
    </Card>
  );
}
