// A subscription's deliveries, newest first: when, which event, how it went (attempts, the
// next try while it waits), and the receiver's answer or why there was none. Asked again
// every few seconds while a delivery is still on its way.
import { Badge, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import { usePaged } from '../../api/paged.ts';
import type { Webhook, WebhookDelivery, WebhookDeliveryPage } from '../../api/types.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useFormat } from '../../format.ts';

/** Shared by the chat channels' log, whose posts have the same statuses. */
export const STATUS_COLOR: Record<WebhookDelivery['status'], string> = {
  pending: 'blue',
  delivering: 'blue',
  delivered: 'teal',
  failed: 'red',
};
/** What the server logs instead of an answer when it did not send or heard nothing. */
const REASONS = ['internal_address', 'unresolvable', 'not_http', 'timeout'] as const;
const isReason = (detail: string): detail is (typeof REASONS)[number] =>
  (REASONS as readonly string[]).includes(detail);
const WAITING_POLL_MS = 3_000;

/** Asks the log again every few seconds while an entry waits or is on its way. */
export const refetchWhileWaiting = (pages: { items: { status: string }[] }[]) =>
  pages.some((page) => page.items.some((item) => item.status === 'pending' || item.status === 'delivering'))
    ? WAITING_POLL_MS
    : false;

export function DeliveryLog({ id, webhook }: { id: string; webhook: Webhook }) {
  const { t } = useTranslation('webhooks');
  const format = useFormat();
  const deliveries = usePaged<WebhookDeliveryPage>(
    ['webhook-deliveries', webhook.id],
    (cursor) => `/webhooks/${webhook.id}/deliveries${query({ limit: 20, cursor })}`,
    { refetchAfter: refetchWhileWaiting },
  );
  return (
    <Stack gap="xs" id={id} component="section" aria-label={t('log.label', { url: webhook.url })}>
      <PagedTable
        pages={deliveries}
        testId="webhook-deliveries"
        columns={[t('log.column.time'), t('log.column.event'), t('log.column.status'), t('log.column.answer')]}
        empty={t('log.empty')}
        showMore={t('log.showMore')}
        row={(delivery) => (
          <Table.Tr key={delivery.id} data-testid="webhook-delivery">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={delivery.lastAttemptAt ?? delivery.createdAt}>
                {format.dateTime(delivery.lastAttemptAt ?? delivery.createdAt)}
              </time>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`events.${delivery.eventType}` as 'events.webhook.test', delivery.eventType)}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[delivery.status]} tt="none">
                {t(`log.status.${delivery.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('log.attempts', { count: delivery.attempts })}
                {delivery.status === 'pending' &&
                  delivery.nextAttemptAt &&
                  ` · ${t('log.nextAttempt', { time: format.dateTime(delivery.nextAttemptAt) })}`}
              </Text>
            </Table.Td>
            <Table.Td>
              <Answer delivery={delivery} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function Answer({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation('webhooks');
  if (delivery.attempts === 0) return null;
  const { responseStatus, detail } = delivery;
  return (
    <Stack gap={2}>
      <Text size="sm" data-testid="webhook-response-status">
        {responseStatus === null ? t('log.noAnswer') : `HTTP ${responseStatus}`}
      </Text>
      {detail &&
        (isReason(detail) ? (
          <Text size="xs" c="dimmed">
            {t(`log.reasons.${detail}`)}
          </Text>
        ) : (
          // The receiver's own words (or the network's), as they came: not ours to translate.
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 120, overflow: 'auto' }}>
            {detail}
          </Code>
        ))}
    </Stack>
  );
}
