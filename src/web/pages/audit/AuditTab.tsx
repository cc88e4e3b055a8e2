// The audit log for admins: filters in the URL, a table with before and after, paging,
// and a CSV export of everything the filters match (streamed by the server).
import { Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../api/client.ts';
import { usePaged } from '../../api/paged.ts';
import { useMembers } from '../../api/queries.ts';
import type { AuditEvent, Org, Page } from '../../api/types.ts';
import { useSearchFilters } from '../../app/search-params.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useFormat } from '../../format.ts';
import { TabHeading } from '../admin/shared.tsx';
import { apiFilters, changedKeys, FILTER_KEYS, readFilters, type FilterKey } from './audit-filters.ts';

const TYPES = ['objective', 'keyResult', 'activity', 'comment', 'unit', 'cycle', 'member', 'organization', 'account'];

export function AuditTab({ org }: { org: Org }) {
  const { t } = useTranslation('audit');
  const format = useFormat();
  const { params, set, clear } = useSearchFilters<FilterKey>();
  const filters = readFilters(params);
  const [debounced] = useDebouncedValue(filters, 300);
  const forApi = apiFilters(debounced);
  const events = usePaged<Page<AuditEvent>>(
    ['auditEvents', org.id, forApi],
    (cursor) => `/orgs/${org.id}/audit-events${query({ ...forApi, limit: 50, cursor })}`,
  );
  const [actorSearch, setActorSearch] = useState('');
  const [actorQ] = useDebouncedValue(actorSearch, 250);
  const members = useMembers(org.id, actorQ);

  const exportHref = `/api/v1/orgs/${org.id}/audit-events.csv${query(apiFilters(filters))}`;
  const actorOptions = (members.data?.items ?? []).map((m) => ({ value: m.accountId, label: m.name }));

  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <Stack gap="xs" component="section" aria-label={t('filters')}>
        <Group gap="sm" align="end" wrap="wrap">
          <Select
            label={t('actor')}
            placeholder={t('actorPlaceholder')}
            searchable
            clearable
            data={actorOptions}
            value={filters.actor ?? null}
            onChange={(value) => set('actor', value)}
            onSearchChange={setActorSearch}
            nothingFoundMessage={t('empty')}
            w={220}
          />
          <TextInput
            label={t('action')}
            placeholder={t('actionPlaceholder')}
            value={filters.action ?? ''}
            onChange={(event) => set('action', event.currentTarget.value)}
            w={200}
          />
          <Select
            label={t('entityType')}
            placeholder={t('entityTypeAny')}
            clearable
            data={TYPES.map((type) => ({ value: type, label: t(`type.${type}` as 'type.objective') }))}
            value={filters.type ?? null}
            onChange={(value) => set('type', value)}
            w={180}
          />
          <TextInput
            label={t('entityId')}
            value={filters.entity ?? ''}
            onChange={(event) => set('entity', event.currentTarget.value)}
            w={200}
          />
          <TextInput
            type="date"
            label={t('from')}
            value={filters.from ?? ''}
            onChange={(event) => set('from', event.currentTarget.value)}
            w={160}
          />
          <TextInput
            type="date"
            label={t('to')}
            value={filters.to ?? ''}
            onChange={(event) => set('to', event.currentTarget.value)}
            w={160}
          />
          <Button variant="subtle" onClick={() => clear(FILTER_KEYS)}>
            {t('clear')}
          </Button>
        </Group>
        <Group gap="sm">
          <Button
            component="a"
            href={exportHref}
            download
            variant="light"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('export')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('exportHint')}
          </Text>
        </Group>
      </Stack>

      <PagedTable
        pages={events}
        testId="audit-table"
        columns={[t('column.time'), t('column.actor'), t('column.action'), t('column.entity'), t('column.change')]}
        empty={t('empty')}
        showMore={t('showMore')}
        row={(event) => (
          <Table.Tr key={event.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time>
            </Table.Td>
            <Table.Td>{event.actorName ?? t('system')}</Table.Td>
            <Table.Td>
              <Code>{event.action}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`type.${event.entityType}` as 'type.objective', event.entityType)}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {event.entityId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Change event={event} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/** Changed fields as "field: before → after"; whole values when there is no pair to compare. */
function Change({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const keys = changedKeys(event.before, event.after);
  if (event.before == null && event.after == null) return <Text size="sm">{t('none')}</Text>;
  const before = event.before as Record<string, unknown>;
  const after = event.after as Record<string, unknown>;
  return (
    <details>
      <summary>
        <Text size="sm" span>
          {keys.length ? keys.join(', ') : event.after != null ? t('after') : t('before')}
        </Text>
      </summary>
      {keys.length ? (
        <Stack gap={2} mt={4}>
          {keys.map((key) => (
            <Text key={key} size="xs" style={{ overflowWrap: 'anywhere' }}>
              <strong>{key}</strong>: {show(before[key])} → {show(after[key])}
            </Text>
          ))}
        </Stack>
      ) : (
        <Stack gap={2} mt={4}>
          {event.before != null && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              <strong>{t('before')}</strong>: {JSON.stringify(event.before)}
            </Text>
          )}
          {event.after != null && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              <strong>{t('after')}</strong>: {JSON.stringify(event.after)}
            </Text>
          )}
        </Stack>
      )}
    </details>
  );
}
