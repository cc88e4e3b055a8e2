// The organisation's archive for admins: what was archived, newest first, what it belongs
// to and who archived it, a filter by kind (in the URL) and a restore button per row. What
// cannot come back before something above it does says so instead of offering the button.
import { Badge, Button, Select, Stack, Table, Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../api/client.ts';
import { usePaged } from '../../api/paged.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { ArchivedItem, Org, Page } from '../../api/types.ts';
import { useSearchFilters } from '../../app/search-params.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useFormat } from '../../format.ts';
import { notifyDone, notifyError, TabHeading } from '../admin/shared.tsx';

type Kind = ArchivedItem['kind'];
const KINDS: readonly Kind[] = ['objective', 'keyResult', 'activity', 'unit'];
const isKind = (value: string | null): value is Kind => KINDS.includes(value as Kind);

/** Each kind's own address, whose …/restore brings it back. */
const PATHS: Record<Kind, string> = {
  objective: '/objectives',
  keyResult: '/key-results',
  activity: '/activities',
  unit: '/units',
};

export function ArchiveTab({ org }: { org: Org }) {
  const { t } = useTranslation('archive');
  const format = useFormat();
  const client = useQueryClient();
  const { params, set } = useSearchFilters<'kind'>();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const items = usePaged<Page<ArchivedItem>>(
    ['archive', org.id, kind ?? null],
    (cursor) => `/orgs/${org.id}/archive${query({ kind, limit: 50, cursor })}`,
  );
  const [restoring, setRestoring] = useState<string | null>(null);

  const restore = async (item: ArchivedItem) => {
    setRestoring(item.id);
    try {
      await api.restore(`${PATHS[item.kind]}/${item.id}`, item.version);
      notifyDone(t('restored', { title: item.title }));
      await Promise.all([
        invalidateOkrs(client),
        client.invalidateQueries({ queryKey: ['units'] }),
        client.invalidateQueries({ queryKey: ['unit'] }),
      ]);
    } catch (error) {
      notifyError(error);
    } finally {
      setRestoring(null);
      // Restored, or changed by someone else meanwhile (412): either way the list is stale.
      await client.invalidateQueries({ queryKey: ['archive', org.id] });
    }
  };

  return (
    <Stack gap="md">
      <TabHeading title={t('title')} intro={t('intro')} />
      <Select
        label={t('kind')}
        placeholder={t('kindAny')}
        clearable
        data={KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        value={kind ?? null}
        onChange={(value) => set('kind', value)}
        w={220}
      />
      <PagedTable
        pages={items}
        testId="archive-table"
        columns={[t('column.what'), t('column.context'), t('column.when'), t('column.action')]}
        empty={kind ? t('emptyKind', { kinds: t(`plural.${kind}`) }) : t('empty')}
        showMore={t('showMore')}
        row={(item) => (
          <Table.Tr key={item.id} data-testid="archived-row">
            <Table.Td>
              <Badge variant="light" color="gray" mb={4}>
                {t(`kinds.${item.kind}`)}
              </Badge>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {item.title}
              </Text>
            </Table.Td>
            <Table.Td>
              <Context item={item} />
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={item.archivedAt}>{format.dateTime(item.archivedAt)}</time>
              </Text>
              <Text size="xs" c="dimmed">
                {item.archivedBy ? t('by', { name: item.archivedBy.name }) : t('byUnknown')}
              </Text>
            </Table.Td>
            <Table.Td>
              {item.blockedBy ? (
                <Text size="xs" c="dimmed" maw={220}>
                  {t(`blocked.${item.blockedBy.kind}`, { title: item.blockedBy.title })}
                </Text>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  aria-label={t('restoreLabel', { title: item.title })}
                  loading={restoring === item.id}
                  disabled={restoring !== null && restoring !== item.id}
                  onClick={() => void restore(item)}
                >
                  {t('restore')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

/** Where the archived thing belonged, so that two of the same title can be told apart. */
function Context({ item }: { item: ArchivedItem }) {
  const { t } = useTranslation('archive');
  const lines: string[] = [];
  if (item.keyResult) lines.push(t('context.keyResult', { title: item.keyResult.title }));
  if (item.objective) lines.push(t('context.objective', { title: item.objective.title }));
  if (item.kind === 'objective') {
    if (item.unit) lines.push(t('context.unit', { name: item.unit.name }));
    else if (item.person) lines.push(t('context.person', { name: item.person.name }));
    else lines.push(t('context.organization'));
  }
  if (item.kind === 'unit') {
    lines.push(item.unit ? t('context.parent', { name: item.unit.name }) : t('context.topLevel'));
    if (item.unitsBeneath > 0) lines.push(t('beneath', { count: item.unitsBeneath }));
  }
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}
