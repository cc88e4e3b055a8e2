// One key result in "My week": where it stands, and the three things a check-in asks for.
import { Anchor, Badge, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import type { KeyResultInContext } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import type { RowErrors, RowState } from './week-rows.ts';

export interface WeekRowProps {
  /** Its cycle has not started: say when it does. */
  notStarted?: boolean;
  kr: KeyResultInContext;
  row: RowState;
  errors: RowErrors;
  onChange: (patch: Partial<RowState>) => void;
}

// The save bar sticks to the bottom of the window: a field taking the focus scrolls clear
// of it by the margins styles/global.css gives the form's fields (taller on a phone).
export function WeekRow({ kr, row, errors, onChange, notStarted = false }: WeekRowProps) {
  const { t } = useTranslation('week');
  const format = useFormat();
  const { orgId } = useParams();
  const unit = kr.unit ? ` ${kr.unit}` : '';
  // Any change puts the row in the save; ticking the box alone checks in an unchanged value.
  const change = (patch: Partial<RowState>) => onChange({ ...patch, include: true });
  const now =
    kr.metric === 'milestone'
      ? t('row.nowMilestone', { state: kr.current >= kr.target ? t('row.milestoneDone') : t('row.milestoneOpen') })
      : // The unit once, after the target: "Now 1 of 3 talks", not "1 talks of 3 talks".
        t('row.now', { current: format.number(kr.current), target: format.number(kr.target) + unit });
  const last = kr.lastCheckInAt ? t('row.lastCheckIn', { date: format.date(kr.lastCheckInAt) }) : t('row.never');

  return (
    <Fieldset
      legend={
        <Group gap="xs" component="span">
          <span>{kr.title}</span>
          {kr.due && (
            <Badge color="yellow" variant="filled" c="dark" component="span">
              {t('row.due')}
            </Badge>
          )}
        </Group>
      }
      data-testid="week-row"
      data-due={kr.due || undefined}
      data-key-result={kr.id}
      styles={{ legend: { fontWeight: 600, overflowWrap: 'anywhere' } }}
      style={kr.due ? { borderLeft: '4px solid var(--mantine-color-yellow-6)' } : undefined}
    >
      <Text size="sm" c="dimmed" mb="xs">
        <Anchor component={Link} to={`/orgs/${orgId}/objectives/${kr.objectiveId}`} c="dimmed" size="sm">
          {t('row.objective', { title: kr.objectiveTitle })}
        </Anchor>
        {/* Two key results of the same title are told apart by their objective and cycle. */}
        {' · '}
        {notStarted ? t('row.cycleStarts', { cycle: kr.cycleName, date: format.date(kr.cycleStartsOn) }) : kr.cycleName}
        {' · '}
        {now} · {last} · {t('row.cadence', { count: kr.cadenceDays })}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="xs">
        {kr.metric === 'milestone' ? (
          <Checkbox
            mt={{ base: 0, xs: 'xl' }}
            label={t('row.done')}
            checked={row.done}
            onChange={(event) => change({ done: event.currentTarget.checked })}
            error={errors.value}
          />
        ) : (
          <NumberInput
            label={kr.unit ? t('row.valueWithUnit', { unit: kr.unit }) : t('row.value')}
            value={row.value}
            onChange={(value) => change({ value })}
            // Typing replaces the value. Selected in the focus event itself: NumberInput
            // calls onFocus a task later, so a fast first key stroke could land first and
            // then be selected and overwritten by the second ("70" saved as "0").
            onFocusCapture={(event) => event.currentTarget.select()}
            decimalSeparator={format.locale === 'sv-SE' ? ',' : '.'}
            hideControls
            error={errors.value}
          />
        )}
        <NumberInput
          label={t('row.confidence')}
          value={row.confidence}
          onChange={(confidence) => change({ confidence })}
          onFocusCapture={(event) => event.currentTarget.select()}
          min={0}
          max={10}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          error={errors.confidence}
        />
        <TextInput
          label={t('row.note')}
          value={row.note}
          maxLength={5000}
          onChange={(event) => change({ note: event.currentTarget.value })}
          error={errors.note}
        />
      </SimpleGrid>
      <Checkbox
        mt="sm"
        size="xs"
        label={t('row.include')}
        checked={row.include}
        onChange={(event) => onChange({ include: event.currentTarget.checked })}
        error={errors.row}
      />
    </Fieldset>
  );
}
