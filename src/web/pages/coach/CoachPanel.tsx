// The coach beside the objective form: the draft is sent to the coach (debounced) as the
// person types, and its advice is shown in a polite live region.
import { Anchor, Card, Stack, Text, Title, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectiveKind, ObjectiveLevel } from '../../../core/domain.ts';
import { matchExample, showsExample } from '../../../core/examples/match.ts';
import type { Advice, CoachCheckInput } from '../../api/types.ts';
import { focusOf, type ExampleFocus } from '../examples/focus.ts';
import { useExamples } from '../examples/queries.ts';
import type { KeyResultDraft } from '../objective/KeyResultFields.tsx';
import { AdviceList, type AdviceAction } from './AdviceList.tsx';
import { useCoachCheck } from './queries.ts';
import { Spinner } from '../../components/Spinner.tsx';

export interface CoachDraft {
  level: ObjectiveLevel;
  unitId: string | null;
  personId: string | null;
  cycleId: string | null;
  title: string;
  kind: ObjectiveKind;
  supports: string[];
  /** Key results it supports: the coach counts their objectives as supported and compares the title with them. */
  supportsKeyResultIds: string[];
  /** Strategy themes it serves: aligned to the strategy even with nothing to support. */
  themeIds: string[];
  keyResults: Pick<KeyResultDraft, 'title' | 'metric' | 'start' | 'target' | 'unit' | 'ownerId'>[];
  objectiveId?: string;
}

const num = (value: number | string) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The check's body, or null while there is not enough to ask about. */
export function checkBody(draft: CoachDraft): CoachCheckInput | null {
  if (!draft.cycleId) return null;
  if (draft.level === 'unit' && !draft.unitId) return null;
  if (draft.level === 'person' && !draft.personId) return null;
  const keyResults = draft.keyResults
    .filter((kr) => kr.title.trim())
    .slice(0, 20)
    .map((kr) => {
      const milestone = kr.metric === 'milestone';
      const start = milestone ? 0 : num(kr.start);
      const target = milestone ? 1 : num(kr.target);
      return {
        title: kr.title.trim().slice(0, 300),
        metric: kr.metric,
        ...(start === undefined ? {} : { start }),
        ...(target === undefined ? {} : { target }),
        ...(milestone || !kr.unit.trim() ? {} : { unit: kr.unit.trim().slice(0, 40) }),
        ownerId: kr.ownerId,
      };
    });
  return {
    cycleId: draft.cycleId,
    level: draft.level,
    ...(draft.level === 'unit' && draft.unitId ? { unitId: draft.unitId } : {}),
    ...(draft.level === 'person' && draft.personId ? { personId: draft.personId } : {}),
    title: draft.title.trim().slice(0, 300),
    kind: draft.kind,
    supports: draft.supports.slice(0, 20),
    supportsKeyResultIds: draft.supportsKeyResultIds.slice(0, 20),
    themeIds: draft.themeIds.slice(0, 12),
    keyResults,
    ...(draft.objectiveId ? { objectiveId: draft.objectiveId } : {}),
  };
}

export function CoachPanel({
  orgId,
  draft,
  only,
  onSeeExample,
}: {
  orgId: string;
  draft: CoachDraft;
  /** Shows only some of the advice (e.g. about one key result). */
  only?: (advice: Advice) => boolean;
  /** Advice on how the draft is written links to a good example, which this opens. */
  onSeeExample?: (focus: ExampleFocus) => void;
}) {
  const { t } = useTranslation('coach');
  const body = useMemo(() => checkBody(draft), [draft]);
  // Compare by content: the form hands over new objects on every keystroke.
  const [debounced] = useDebouncedValue(JSON.stringify(body), 500);
  const parsed = useMemo(() => JSON.parse(debounced) as CoachCheckInput | null, [debounced]);
  const check = useCoachCheck(orgId, parsed);
  const items = (check.data?.items ?? []).filter((advice) => !only || only(advice));
  const seeExample = useGoodExample(parsed, items, onSeeExample);

  return (
    <Card withBorder component="aside" aria-labelledby="coach-live-title" data-testid="coach-live">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id="coach-live-title">
            {t('live.title')}
          </Title>
          {check.isFetching && <Spinner size="xs" label={t('live.checking')} />}
        </Group>
        <Text size="sm" c="dimmed">
          {t('live.intro')}
        </Text>
        <div aria-live="polite" aria-atomic="false">
          {!parsed ? (
            <Text size="sm" c="dimmed">
              {t('live.waiting')}
            </Text>
          ) : check.data && items.length === 0 ? (
            <Text size="sm">{t('live.none')}</Text>
          ) : (
            <AdviceList items={items} action={seeExample} />
          )}
        </div>
      </Stack>
    </Card>
  );
}

/**
 * The link to a good example beside advice on how the draft is written, once the library
 * (in the reader's language, read only when such advice is there) has one for the draft.
 */
function useGoodExample(
  checked: CoachCheckInput | null,
  items: Advice[],
  onSeeExample: ((focus: ExampleFocus) => void) | undefined,
): AdviceAction | undefined {
  const { t, i18n } = useTranslation('objective');
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const wanted = !!onSeeExample && !!checked && items.some((advice) => showsExample(advice.ruleId));
  const library = useExamples(lang, wanted);
  if (!onSeeExample || !wanted || !checked || !library.data) return undefined;
  const draft = {
    title: checked.title,
    keyResults: (checked.keyResults ?? []).map((kr) => kr.title),
    kind: checked.kind,
  };
  const match = matchExample(draft, items, library.data.items, lang);
  if (!match) return undefined;
  const focus = focusOf(match);
  return (advice) =>
    showsExample(advice.ruleId) ? (
      <Anchor component="button" type="button" size="sm" ta="left" onClick={() => onSeeExample(focus)}>
        {t('examples.seeExample')}
      </Anchor>
    ) : null;
}
