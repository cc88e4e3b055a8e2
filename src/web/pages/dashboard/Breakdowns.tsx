// Figures per group of objectives, as a table: per unit (the top-level units for the
// organisation, the units directly beneath for a unit; each links to its own dashboard) and
// per strategy theme (the objectives in scope that serve it).
import { Anchor, Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../core/domain.ts';
import type { Dashboard } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { formatNet } from './figures.ts';

type Group = Dashboard['units'][number];

function BreakdownTable({
  id,
  title,
  intro,
  nameColumn,
  groups,
  rowName,
}: {
  id: string;
  title: string;
  intro: string;
  nameColumn: string;
  groups: Group[];
  rowName: (group: Group) => ReactNode;
}) {
  const { t } = useTranslation(['dashboard', 'common']);
  const format = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby={id} data-testid={id}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {/* Scrolls sideways on a phone; focusable, so that the keyboard can scroll it too. */}
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby={id}>
          <Table striped fz="sm" miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{nameColumn}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('units.netConfidence')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('units.objectives')}
                </Table.Th>
                {STATUSES.map((s) => (
                  <Table.Th key={s} scope="col" ta="right">
                    {t(`common:status.${s}`)}
                  </Table.Th>
                ))}
                <Table.Th scope="col" ta="right">
                  {t('units.progress')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((group) => (
                <Table.Tr key={group.id} data-testid={`${id}-row`}>
                  <Table.Th scope="row" fw={400}>
                    {rowName(group)}
                  </Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {group.netConfidence === null ? '—' : formatNet(format.locale, group.netConfidence)}
                  </Table.Td>
                  <Table.Td ta="right">{format.number(group.total)}</Table.Td>
                  {STATUSES.map((s) => (
                    <Table.Td key={s} ta="right">
                      {format.number(group.byStatus[s])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    {group.averageProgress === null ? '—' : format.percent(group.averageProgress)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      </Stack>
    </Card>
  );
}

export function UnitBreakdown({
  orgId,
  units,
  unitName,
  withCycle,
}: {
  orgId: string;
  units: Dashboard['units'];
  unitName?: string;
  withCycle: (path: string) => string;
}) {
  const { t } = useTranslation('dashboard');
  if (units.length === 0) return null;
  return (
    <BreakdownTable
      id="dashboard-units"
      title={unitName ? t('units.titleChildren', { unit: unitName }) : t('units.title')}
      intro={t('units.intro')}
      nameColumn={t('units.unit')}
      groups={units}
      rowName={(unit) => (
        <Anchor
          component={Link}
          to={withCycle(`/orgs/${orgId}/units/${unit.id}/dashboard`)}
          aria-label={t('units.dashboardOf', { unit: unit.name })}
        >
          {unit.name}
        </Anchor>
      )}
    />
  );
}

/** Progress per strategy theme; nothing where the organisation has named none. */
export function ThemeBreakdown({ themes }: { themes: Dashboard['themes'] }) {
  const { t } = useTranslation('dashboard');
  if (themes.length === 0) return null;
  return (
    <BreakdownTable
      id="dashboard-themes"
      title={t('themes.title')}
      intro={t('themes.intro')}
      nameColumn={t('themes.theme')}
      groups={themes}
      rowName={(theme) => theme.name}
    />
  );
}
