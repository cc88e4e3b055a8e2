// Figures per unit: the top-level units for the organisation, the units directly beneath
// for a unit; each links to its own dashboard.
import { Anchor, Box, Card, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../core/domain.ts';
import type { Dashboard } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { formatNet } from './figures.ts';

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
  const { t } = useTranslation(['dashboard', 'common']);
  const format = useFormat();
  if (units.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="dashboard-units" data-testid="dashboard-units">
      <Stack gap="xs">
        <Title order={2} size="h3" id="dashboard-units">
          {unitName ? t('units.titleChildren', { unit: unitName }) : t('units.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('units.intro')}
        </Text>
        {/* Scrolls sideways on a phone; focusable, so that the keyboard can scroll it too. */}
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby="dashboard-units">
          <Table striped fz="sm" miw={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('units.unit')}</Table.Th>
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
              {units.map((unit) => (
                <Table.Tr key={unit.id} data-testid="unit-row">
                  <Table.Th scope="row" fw={400}>
                    <Anchor
                      component={Link}
                      to={withCycle(`/orgs/${orgId}/units/${unit.id}/dashboard`)}
                      aria-label={t('units.dashboardOf', { unit: unit.name })}
                    >
                      {unit.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td ta="right" fw={600}>
                    {unit.netConfidence === null ? '—' : formatNet(format.locale, unit.netConfidence)}
                  </Table.Td>
                  <Table.Td ta="right">{unit.total}</Table.Td>
                  {STATUSES.map((s) => (
                    <Table.Td key={s} ta="right">
                      {unit.byStatus[s]}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    {unit.averageProgress === null ? '—' : format.percent(unit.averageProgress)}
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
