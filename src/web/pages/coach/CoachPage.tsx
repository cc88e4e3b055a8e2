// The coach's review list for a cycle: every piece of advice the caller may read, filtered
// by rule, severity and unit. The filters live in the URL (?rule=&severity=&unit=).
import { Card, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RULE_IDS, SEVERITIES } from '../../../core/coach/rule-ids.ts';
import { useUnits } from '../../api/queries.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { useSearchFilters } from '../../app/search-params.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { AdviceList } from './AdviceList.tsx';
import { useCoachAdvice } from './queries.ts';

export default function CoachPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation('coach');
  const { params, set: setFilter } = useSearchFilters<'rule' | 'severity' | 'unit'>();
  const { cycle, isLoading } = useSelectedCycle(orgId);
  const units = useUnits(orgId);
  const ruleId = params.get('rule') ?? undefined;
  const severity = params.get('severity') ?? undefined;
  const unitId = params.get('unit') ?? undefined;
  const advice = useCoachAdvice(orgId, { cycleId: cycle?.id, ruleId, severity, unitId });

  return (
    <Stack gap="lg" maw={960}>
      <Stack gap={4}>
        <Title order={1}>{t('page.title')}</Title>
        {cycle && <Text c="dimmed">{t('page.intro', { cycle: cycle.name })}</Text>}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }} role="group" aria-label={t('page.filters')}>
        <Select
          label={t('page.rule')}
          placeholder={t('page.all')}
          data={RULE_IDS.map((id) => ({ value: id, label: t(`rule.${id}`) }))}
          value={ruleId ?? null}
          onChange={(value) => setFilter('rule', value)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('page.severity')}
          placeholder={t('page.all')}
          data={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
          value={severity ?? null}
          onChange={(value) => setFilter('severity', value)}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('page.unit')}
          placeholder={t('page.all')}
          data={[...(units.data ?? [])]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((u) => ({ value: u.id, label: u.name }))}
          value={unitId ?? null}
          onChange={(value) => setFilter('unit', value)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      {!cycle ? (
        !isLoading && <Text c="dimmed">{t('page.noCycle')}</Text>
      ) : (
        <QueryState query={advice}>
          {(data) => (
            <Stack gap="xs">
              <Text size="sm" c="dimmed" role="status">
                {t('page.count', { count: data.items.length })}
              </Text>
              {data.items.length === 0 ? (
                <Text c="dimmed" data-testid="coach-empty">
                  {t(data.cycleClosed ? 'page.closed' : 'page.none')}
                </Text>
              ) : (
                <Card withBorder py={0}>
                  <AdviceList items={data.items} />
                </Card>
              )}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
