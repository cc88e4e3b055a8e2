// The coach's rules with a switch each, for the organisation profile: a rule switched off
// is left out of everyone's advice. The value is settings.coach.disabledRules.
import { Fieldset, Group, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RULE_IDS, type RuleId } from '../../../core/coach/rule-ids.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { SeverityBadge } from './AdviceList.tsx';
import { useCoachAdvice } from './queries.ts';

export default function RuleSwitches({
  orgId,
  disabled,
  onChange,
}: {
  orgId: string;
  disabled: RuleId[];
  onChange: (next: RuleId[]) => void;
}) {
  const { t } = useTranslation('coach');
  const { cycle } = useSelectedCycle(orgId);
  // The rules and their severities, as the coach API gives them (one rule's advice: small).
  const coach = useCoachAdvice(orgId, { cycleId: cycle?.id, ruleId: 'organization.no-vision-or-strategy' });
  const rules = coach.data?.rules ?? RULE_IDS.map((id) => ({ id, severity: null, enabled: !disabled.includes(id) }));
  return (
    <Fieldset legend={t('rules.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('rules.help')}
      </Text>
      <Stack gap="xs">
        {rules.map((rule) => (
          <Group key={rule.id} gap="sm" wrap="nowrap" justify="space-between">
            <Switch
              label={t(`rule.${rule.id}`)}
              checked={!disabled.includes(rule.id)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked ? disabled.filter((id) => id !== rule.id) : [...disabled, rule.id].sort(),
                )
              }
            />
            {rule.severity && <SeverityBadge severity={rule.severity} />}
          </Group>
        ))}
      </Stack>
    </Fieldset>
  );
}
