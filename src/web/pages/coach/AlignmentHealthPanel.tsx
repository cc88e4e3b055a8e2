// Alignment health of a cycle, for the organisation or one unit and the units beneath it:
// figures as text, lists as links. Loaded on its own so the home page's first load stays small.
// Below the home page's fold, it loads on demand: with the styles of its Mantine parts.
import '../../styles/mantine-pages.css';
import { Anchor, Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { AlignmentHealth } from '../../api/types.ts';
import { FiguresAsOf } from '../../components/FiguresAsOf.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../format.ts';
import { useAlignmentHealth } from './queries.ts';

export interface AlignmentHealthPanelProps {
  orgId: string;
  cycleId: string;
  cycleName: string;
  unitId?: string;
}

export default function AlignmentHealthPanel({ orgId, cycleId, cycleName, unitId }: AlignmentHealthPanelProps) {
  const { t } = useTranslation('coach');
  const health = useAlignmentHealth(orgId, cycleId, unitId);
  const headingId = unitId ? 'alignment-health-unit' : 'alignment-health';
  return (
    <Card withBorder component="section" aria-labelledby={headingId} data-testid="alignment-health">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={headingId}>
            {t('health.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('health.intro', { cycle: cycleName })}
          </Text>
        </Stack>
        <QueryState query={health}>
          {(data) => (
            <>
              <Figures orgId={orgId} data={data} compact={!!unitId} />
              <FiguresAsOf asOf={data.asOf} receivedAt={health.dataUpdatedAt} />
            </>
          )}
        </QueryState>
      </Stack>
    </Card>
  );
}

function Figures({ orgId, data, compact }: { orgId: string; data: AlignmentHealth; compact: boolean }) {
  const { t } = useTranslation('coach');
  const format = useFormat();
  const [params] = useSearchParams();
  const cycle = params.get('cycle');
  const withCycle = (path: string) => (cycle ? `${path}?cycle=${encodeURIComponent(cycle)}` : path);
  const ratio = (count: number, total: number, share: number | null) =>
    total === 0
      ? t('health.nothing')
      : `${t('health.ofTotal', { count, total })} ${share === null ? '' : t('health.share', { share: format.percent(share) })}`.trim();

  return (
    <SimpleGrid cols={{ base: 1, sm: compact ? 1 : 2 }} spacing="md" verticalSpacing="md">
      <Figure
        label={t('health.unitObjectives')}
        value={ratio(data.unitObjectives.supportingOrganization, data.unitObjectives.total, data.unitObjectives.share)}
      />
      {data.unitObjectives.servingThemeOnly > 0 && (
        <Figure
          label={t('health.servingThemeOnly')}
          value={t('health.ofTotal', { count: data.unitObjectives.servingThemeOnly, total: data.unitObjectives.total })}
        />
      )}
      <Figure
        label={t('health.people')}
        value={ratio(data.people.withIndividualObjectives, data.people.total, data.people.share)}
      />
      <Figure
        // On a unit's page the figure counts what the unit and the units beneath it support.
        label={t(compact ? 'health.unsupportedHere' : 'health.unsupported')}
        value={format.number(data.organizationObjectives.unsupported.length)}
      >
        {data.organizationObjectives.unsupported.map((o) => (
          <List.Item key={o.id}>
            <Anchor component={Link} to={withCycle(`/orgs/${orgId}/objectives/${o.id}`)} size="sm">
              {o.title}
            </Anchor>
          </List.Item>
        ))}
      </Figure>
      <Figure label={t('health.unitsWithout')} value={String(data.units.withoutObjectives.length)}>
        {data.units.withoutObjectives.map((u) => (
          <List.Item key={u.id}>
            <Anchor component={Link} to={withCycle(`/orgs/${orgId}/units/${u.id}`)} size="sm">
              {u.name}
            </Anchor>
          </List.Item>
        ))}
      </Figure>
      <Figure label={t('health.noKeyResults')} value={String(data.objectivesWithoutKeyResults.length)}>
        {data.objectivesWithoutKeyResults.map((o) => (
          <List.Item key={o.id}>
            <Anchor component={Link} to={withCycle(`/orgs/${orgId}/objectives/${o.id}`)} size="sm">
              {o.title}
            </Anchor>
          </List.Item>
        ))}
      </Figure>
    </SimpleGrid>
  );
}

function Figure({ label, value, children }: { label: string; value: string; children?: React.ReactNode[] }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {children && children.length > 0 && (
        <List size="sm" spacing={2}>
          {children}
        </List>
      )}
    </Stack>
  );
}
