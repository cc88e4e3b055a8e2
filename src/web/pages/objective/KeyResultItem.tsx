// One key result on the objective page: progress, figures, owner, confidence, the latest
// check-in, its history and its action plan, with the controls its abilities allow.
import { ActionIcon, Anchor, Button, Card, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconDots, IconPencil } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { Link } from '../../components/Link.tsx';
import { invalidateOkrs } from '../../api/queries.ts';
import type { Cycle, KeyResult, Objective } from '../../api/types.ts';
import { CheckInDialog } from '../../components/CheckInDialog.tsx';
import { CheckInCorrection } from './CheckInCorrection.tsx';
import { ConfidenceBadge } from '../../components/ConfidenceBadge.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useFormat } from '../../format.ts';
import { ActivityList } from './ActivityList.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { HistoryChart } from './HistoryChart.tsx';
import { KeyResultDialog } from './KeyResultDialog.tsx';
import { archiveUndoably } from '../../components/undo.tsx';

/** "63 of 100 registrations", "Done", or "Now 12 days · Decrease to 5 days". */
export function useKeyResultFigures() {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  return (kr: Pick<KeyResult, 'metric' | 'current' | 'target' | 'unit'>) => {
    const withUnit = (value: number) => (kr.unit ? `${format.number(value)} ${kr.unit}` : format.number(value));
    if (kr.metric === 'milestone')
      return kr.current >= kr.target ? t('keyResult.milestoneDone') : t('keyResult.milestoneNotDone');
    if (kr.metric === 'increase_to')
      return t('keyResult.ofTarget', { current: format.number(kr.current), target: withUnit(kr.target) });
    return t('keyResult.nowAndTarget', {
      current: withUnit(kr.current),
      metric: t(`metrics.${kr.metric}`),
      target: withUnit(kr.target),
    });
  };
}

export function KeyResultItem({
  orgId,
  keyResult,
  cycle,
  supporters = [],
}: {
  orgId: string;
  keyResult: KeyResult;
  cycle: Cycle | undefined;
  /** The objectives that support this key result. */
  supporters?: Pick<Objective, 'id' | 'title' | 'ownerName'>[];
}) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const figures = useKeyResultFigures();
  const client = useQueryClient();
  const titleId = useId();
  const [checkingIn, checkIn] = useDisclosure(false);
  const [, setParams] = useSearchParams();
  // A link to this key result (#kr-<id>, e.g. from search) brings it into view and focus.
  const anchor = `kr-${keyResult.id}`;
  const card = useRef<HTMLElement>(null);
  const { hash, search } = useLocation();
  useEffect(() => {
    if (hash !== `#${anchor}`) return;
    card.current?.scrollIntoView({ block: 'center' });
    card.current?.focus({ preventScroll: true });
  }, [hash, anchor]);
  // The conversation below filters to this key result (?about=…), and comes into view.
  const showComments = () => {
    setParams(
      (params) => {
        params.set('about', keyResult.id);
        return params;
      },
      { preventScrollReset: true },
    );
    document.getElementById('conversation-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const [editing, edit] = useDisclosure(false);
  const [archiving, archive] = useDisclosure(false);
  const manage = keyResult.abilities['keyResult.manage'];

  const confirmArchive = async () => {
    await archiveUndoably(`/key-results/${keyResult.id}`, t('keyResult.archived'), () => invalidateOkrs(client));
    archive.close();
    await invalidateOkrs(client);
  };

  return (
    <Card
      ref={card}
      id={anchor}
      tabIndex={-1}
      withBorder
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="key-result"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Title order={3} size="h4" id={titleId} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {keyResult.title}
          </Title>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {keyResult.abilities['checkIn.create'] && (
              <Button size="xs" onClick={checkIn.open}>
                {t('keyResult.checkIn')}
              </Button>
            )}
            {manage && (
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="lg"
                    aria-label={t('keyResult.actions', { title: keyResult.title })}
                  >
                    <IconDots size={18} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                    {t('keyResult.edit')}
                  </Menu.Item>
                  <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={archive.open}>
                    {t('keyResult.archive')}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <ProgressBar value={keyResult.progress} status={keyResult.status} title={keyResult.title} />
        <Group gap="md" style={{ rowGap: 4 }}>
          <Text size="sm" fw={600} data-testid="key-result-figures">
            {figures(keyResult)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('krFields.owner')}: {keyResult.ownerName ?? t('common:noOwner')}
          </Text>
          {keyResult.weight !== 1 && (
            <Text size="sm" c="dimmed">
              {t('keyResult.weight', { weight: format.number(keyResult.weight) })}
            </Text>
          )}
        </Group>
        <Group gap="xs" style={{ rowGap: 4 }}>
          <ConfidenceBadge value={keyResult.confidence} />
          <Text size="sm" c="dimmed" data-testid="last-check-in">
            {keyResult.lastCheckInAt
              ? t('keyResult.lastCheckIn', { date: format.date(keyResult.lastCheckInAt) })
              : t('keyResult.noCheckIn')}
          </Text>
          <Anchor component="button" type="button" size="sm" onClick={showComments}>
            {t('keyResult.discuss')}
          </Anchor>
        </Group>
        {supporters.length > 0 && (
          <Text size="sm" data-testid="key-result-supported-by">
            <Text span c="dimmed" size="sm">
              {t('keyResult.supportedBy')}:{' '}
            </Text>
            {supporters.map((o, i) => (
              <Fragment key={o.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/orgs/${orgId}/objectives/${o.id}${search}`} size="sm">
                  {o.title}
                </Anchor>{' '}
                <Text span c="dimmed" size="sm">
                  ({o.ownerName})
                </Text>
              </Fragment>
            ))}
          </Text>
        )}
        <CheckInCorrection keyResult={keyResult} />
        <HistoryChart keyResult={keyResult} cycle={cycle} />
        <ActivityList orgId={orgId} keyResult={keyResult} />
      </Stack>
      <CheckInDialog keyResult={keyResult} opened={checkingIn} onClose={checkIn.close} />
      {manage && (
        <>
          <KeyResultDialog
            orgId={orgId}
            objectiveId={keyResult.objectiveId}
            keyResult={keyResult}
            opened={editing}
            onClose={edit.close}
          />
          <ConfirmDialog
            opened={archiving}
            title={t('keyResult.archiveTitle')}
            confirmLabel={t('page.archive')}
            onConfirm={confirmArchive}
            onClose={archive.close}
          >
            {t('keyResult.archiveText', { title: keyResult.title })}
          </ConfirmDialog>
        </>
      )}
    </Card>
  );
}
