// "My week": every key result a person owns in an active cycle, those due for a check-in
// first, checked in together with one save (POST /orgs/{orgId}/check-ins, all or nothing).
import { Alert, Button, Center, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useMyWeek } from '../../api/my-week.ts';
import { invalidateOkrs } from '../../api/queries.ts';
import type { CheckInBatch, CheckInBatchInput, KeyResultInContext } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { WeekRow } from './WeekRow.tsx';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { initialRow, problemTarget, rowItem, type RowErrors, type RowState } from './week-rows.ts';
import { Spinner } from '../../components/Spinner.tsx';

type SavedItem = CheckInBatch['items'][number] & { previous: number };

export default function MyWeekPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation(['week', 'common']);
  const week = useMyWeek(orgId);
  const [summary, setSummary] = useState<SavedItem[] | null>(null);
  // A new form after each save: its rows start again from the key results as they now are.
  const [round, setRound] = useState(0);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" maw={760}>
          {t('intro')}
        </Text>
      </Stack>
      {summary && <SavedSummary items={summary} />}
      {week.error ? (
        <Alert color="red" role="alert">
          {problemText(week.error)}
        </Alert>
      ) : !week.ready ? (
        <Center py="xl">
          <Spinner label={t('common:loading')} />
        </Center>
      ) : week.due.length + week.upToDate.length + week.notStarted.length === 0 ? (
        <Text c="dimmed">{t('noKeyResults')}</Text>
      ) : (
        <WeekForm
          key={round}
          orgId={orgId}
          due={week.due}
          upToDate={week.upToDate}
          notStarted={week.notStarted}
          onSaved={(items) => {
            setSummary(items);
            setRound((r) => r + 1);
          }}
        />
      )}
    </Stack>
  );
}

function SavedSummary({ items }: { items: SavedItem[] }) {
  const { t } = useTranslation('week');
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  // The rows the person was in are gone: the summary is where their focus goes next.
  useEffect(() => ref.current?.focus(), [items]);
  // "63 → 70 anmälningar": the unit once, after the new value.
  const shown = (kr: CheckInBatch['items'][number]['keyResult'], value: number, withUnit: boolean) =>
    kr.metric === 'milestone'
      ? value >= kr.target
        ? t('row.milestoneDone')
        : t('row.milestoneOpen')
      : format.number(value) + (withUnit && kr.unit ? ` ${kr.unit}` : '');
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="teal"
      icon={<IconChecks aria-hidden />}
      title={t('summary.title', { count: items.length })}
      data-testid="week-summary"
    >
      <List size="sm" spacing={2}>
        {items.map((item) => (
          <List.Item key={item.id}>
            {t('summary.item', {
              title: item.keyResult.title,
              from: shown(item.keyResult, item.previous, false),
              to: shown(item.keyResult, item.value, true),
              confidence: item.confidence,
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function WeekForm({
  orgId,
  due,
  upToDate,
  notStarted,
  onSaved,
}: {
  orgId: string;
  due: KeyResultInContext[];
  upToDate: KeyResultInContext[];
  notStarted: KeyResultInContext[];
  onSaved: (items: SavedItem[]) => void;
}) {
  const { t } = useTranslation(['week', 'common']);
  const client = useQueryClient();
  const all = [...due, ...upToDate, ...notStarted];
  const [rows, setRows] = useState<Record<string, RowState>>(() =>
    Object.fromEntries(all.map((kr) => [kr.id, initialRow(kr)])),
  );
  const [errors, setErrors] = useState<Record<string, RowErrors>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const included = all.filter((kr) => rows[kr.id]?.include);
  // A row counts as typed once it is ticked for saving or holds a note.
  useUnsavedChangesGuard(included.length > 0 || Object.values(rows).some((row) => row.note.trim() !== ''));

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="week-row"] [aria-invalid="true"]')?.focus(),
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setGeneral(null);
    if (included.length === 0) {
      setErrors({});
      setGeneral(t('save.nothing'));
      return;
    }
    const found: Record<string, RowErrors> = {};
    const items: CheckInBatchInput['checkIns'] = [];
    for (const kr of included) {
      const { item, errors: rowErrors } = rowItem(kr, rows[kr.id] ?? initialRow(kr));
      if (item) items.push(item);
      else
        found[kr.id] = Object.fromEntries(
          Object.entries(rowErrors).map(([field, key]) => [field, t(`row.${key}` as 'row.valueRequired')]),
        );
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setGeneral(t('save.fixRows'));
      focusFirstError();
      return;
    }
    setSaving(true);
    try {
      const saved = await api.post<CheckInBatch>(`/orgs/${orgId}/check-ins`, { checkIns: items });
      const before = new Map(included.map((kr) => [kr.id, kr.current]));
      // The lists are fresh before the form is made again from them.
      await invalidateOkrs(client);
      onSaved(saved.items.map((item) => ({ ...item, previous: before.get(item.keyResultId) ?? item.value })));
    } catch (error) {
      setSaving(false);
      const sent = items.map((item) => item.keyResultId);
      const fromServer: Record<string, RowErrors> = {};
      if (error instanceof ApiError)
        for (const problem of error.problem.errors ?? []) {
          const target = problemTarget(problem.field, sent);
          if (target)
            fromServer[target.keyResultId] = { ...fromServer[target.keyResultId], [target.field]: problem.message };
        }
      setErrors(fromServer);
      setGeneral(t('save.failed', { reason: problemText(error) }));
      if (Object.keys(fromServer).length > 0) focusFirstError();
    }
  };

  const update = (id: string) => (patch: Partial<RowState>) => {
    setRows((current) => ({ ...current, [id]: { ...(current[id] as RowState), ...patch } }));
    if (errors[id]) setErrors(({ [id]: _, ...rest }) => rest);
  };
  const renderRows = (list: KeyResultInContext[], notStarted = false) =>
    list.map((kr) => (
      <WeekRow
        key={kr.id}
        kr={kr}
        notStarted={notStarted}
        row={rows[kr.id] ?? initialRow(kr)}
        errors={errors[kr.id] ?? {}}
        onChange={update(kr.id)}
      />
    ));

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('title')} className="week-form">
      <Stack gap="xl">
        <WeekSection
          id="week-due"
          title={t('due.title')}
          intro={
            <Text size="sm" c={due.length > 0 ? undefined : 'teal'} fw={due.length > 0 ? undefined : 500}>
              {due.length > 0 ? t('due.count', { count: due.length }) : t('due.none')}
            </Text>
          }
        >
          {renderRows(due)}
        </WeekSection>
        {upToDate.length > 0 && (
          <WeekSection id="week-up-to-date" title={t('upToDate.title')} intro={dimmed(t('upToDate.intro'))}>
            {renderRows(upToDate)}
          </WeekSection>
        )}
        {notStarted.length > 0 && (
          <WeekSection id="week-not-started" title={t('notStarted.title')} intro={dimmed(t('notStarted.intro'))}>
            {renderRows(notStarted, true)}
          </WeekSection>
        )}
        <Paper
          withBorder
          p="sm"
          shadow="sm"
          style={{ position: 'sticky', bottom: 'var(--mantine-spacing-xs)', zIndex: 2 }}
        >
          <Stack gap="xs">
            {general && (
              <Alert color="red" role="alert" p="xs">
                {general}
              </Alert>
            )}
            <Group justify="space-between" gap="sm">
              <Stack gap={0}>
                <Text size="sm" fw={500} aria-live="polite">
                  {included.length > 0 ? t('save.ready', { count: included.length }) : t('save.readyNone')}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('save.enterHint')}
                </Text>
              </Stack>
              <Button type="submit" loading={saving} leftSection={<IconChecks size={16} aria-hidden />}>
                {t('save.button')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}

const dimmed = (text: string) => (
  <Text size="sm" c="dimmed">
    {text}
  </Text>
);

/** One group of rows: its heading, a line about it, and the rows. */
function WeekSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Stack gap={2}>
        <Title order={2} id={id}>
          {title}
        </Title>
        {intro}
      </Stack>
      {children}
    </Stack>
  );
}
