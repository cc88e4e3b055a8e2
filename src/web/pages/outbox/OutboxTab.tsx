// The outbox for admins: every e-mail to the organisation's people, newest first, filtered
// by kind and status (in the URL), each readable in full. Without a mail server this is
// where the messages are read.
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import { usePaged } from '../../api/paged.ts';
import type { Org, OutboxMessage, OutboxMessageSummary, OutboxPage } from '../../api/types.ts';
import { useSearchFilters } from '../../app/search-params.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { TabHeading } from '../admin/shared.tsx';

const KINDS = ['check_in_reminder', 'weekly_digest', 'mention', 'invitation'] as const;
const STATUSES = ['pending', 'sending', 'sent', 'failed', 'held'] as const;
const STATUS_COLOR: Record<OutboxMessageSummary['status'], string> = {
  pending: 'blue',
  sending: 'blue',
  sent: 'teal',
  failed: 'red',
  held: 'gray',
};

export function OutboxTab({ org }: { org: Org }) {
  const { t } = useTranslation('outbox');
  const format = useFormat();
  const { params, set } = useSearchFilters<'kind' | 'status'>();
  const kind = params.get('kind');
  const status = params.get('status');
  const [reading, setReading] = useState<string | null>(null);
  const messages = usePaged<OutboxPage>(
    ['outbox', org.id, kind, status],
    (cursor) => `/orgs/${org.id}/outbox${query({ kind, status, limit: 50, cursor })}`,
  );
  const mailEnabled = messages.data?.pages[0]?.mailEnabled;
  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      {mailEnabled === false && (
        <Alert color="yellow" icon={<IconMail size={18} aria-hidden />}>
          {t('noMailServer')}
        </Alert>
      )}
      {mailEnabled === true && (
        <Text size="sm" c="dimmed">
          {t('mailServer')}
        </Text>
      )}
      <Group gap="sm" align="end" component="section" aria-label={t('filters')}>
        <Select
          label={t('kind.label')}
          placeholder={t('kind.any')}
          clearable
          data={KINDS.map((value) => ({ value, label: t(`kind.${value}`) }))}
          value={kind}
          onChange={(value) => set('kind', value)}
          w={230}
        />
        <Select
          label={t('status.label')}
          placeholder={t('status.any')}
          clearable
          data={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
          value={status}
          onChange={(value) => set('status', value)}
          w={180}
        />
      </Group>

      <PagedTable
        pages={messages}
        testId="outbox-table"
        columns={[t('column.time'), t('column.to'), t('column.subject'), t('column.kind'), t('column.status')]}
        empty={t('empty')}
        showMore={t('showMore')}
        row={(message) => (
          <Table.Tr key={message.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={message.sentAt ?? message.createdAt}>
                {format.dateTime(message.sentAt ?? message.createdAt)}
              </time>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{message.recipientName}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {message.toAddress}
              </Text>
            </Table.Td>
            <Table.Td>
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setReading(message.id)}
                aria-label={t('readLabel', { subject: message.subject })}
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                h="auto"
                py={2}
              >
                {message.subject}
              </Button>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`kind.${message.kind}` as 'kind.mention', message.kind)}</Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={STATUS_COLOR[message.status]}>
                {t(`status.${message.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {reading && <MessageDialog orgId={org.id} id={reading} onClose={() => setReading(null)} />}
    </Stack>
  );
}

function MessageDialog({ orgId, id, onClose }: { orgId: string; id: string; onClose: () => void }) {
  const { t } = useTranslation('outbox');
  const format = useFormat();
  const message = useQuery({
    queryKey: ['outbox', orgId, 'message', id],
    queryFn: ({ signal }) => api.get<OutboxMessage>(`/orgs/${orgId}/outbox/${id}`, signal),
  });
  return (
    <Modal opened onClose={onClose} size="lg" title={message.data?.subject ?? t('title')}>
      <QueryState query={message}>
        {(data) => (
          <Stack gap="sm">
            <Text size="sm">
              {data.recipientName} &lt;{data.toAddress}&gt;
            </Text>
            <Group gap="xs">
              <Badge variant="light" color={STATUS_COLOR[data.status]}>
                {t(`status.${data.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {data.sentAt
                  ? t('sentAt', { time: format.dateTime(data.sentAt) })
                  : t('createdAt', { time: format.dateTime(data.createdAt) })}
                {' · '}
                {t('attempts', { count: data.attempts })}
              </Text>
            </Group>
            {data.lastError && (
              <Text size="sm" c="red">
                {t('lastError', { error: data.lastError })}
              </Text>
            )}
            <Text
              component="pre"
              lang={data.locale}
              size="sm"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'inherit' }}
              data-testid="outbox-body"
            >
              {data.textBody}
            </Text>
            <Button variant="default" onClick={onClose} style={{ alignSelf: 'end' }}>
              {t('close')}
            </Button>
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
