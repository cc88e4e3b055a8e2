// A wrong check-in put right: while the key result's latest check-in is the reader's own
// and fresh (a day, docs/check-ins.md), it can be corrected or removed from here.
import { Anchor, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { invalidateOkrs, useCheckIns } from '../../api/queries.ts';
import type { KeyResult } from '../../api/types.ts';
import { CheckInDialog } from '../../components/CheckInDialog.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { notify } from '../../components/notify.ts';
import { useFormat } from '../../format.ts';

export function CheckInCorrection({ keyResult }: { keyResult: KeyResult }) {
  const { t } = useTranslation(['objective', 'common']);
  const format = useFormat();
  const client = useQueryClient();
  const checkIns = useCheckIns(keyResult.id);
  const [correcting, correct] = useDisclosure(false);
  const [removing, remove] = useDisclosure(false);
  // Newest first: only the latest is offered, the one a mistake is nearly always in.
  const latest = checkIns.data?.[0];
  if (!latest?.abilities['checkIn.correct']) return null;

  const value = format.number(latest.value) + (keyResult.unit ? ` ${keyResult.unit}` : '');
  const confirmRemove = async () => {
    await api.delete(`/check-ins/${latest.id}`, latest.version);
    notify({
      color: 'teal',
      message: t('checkIn.removed', { title: keyResult.title }),
      closeButtonProps: { 'aria-label': t('common:actions.close') },
    });
    await invalidateOkrs(client);
  };

  return (
    <>
      <Group gap="xs" style={{ rowGap: 2 }} data-testid="check-in-correction">
        <Text size="sm" c="dimmed">
          {t('checkIn.correctable', { value, until: format.dateTime(latest.correctableUntil) })}
        </Text>
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={correct.open}
          aria-label={t('checkIn.correctLabel', { title: keyResult.title })}
        >
          {t('checkIn.correct')}
        </Anchor>
        <Anchor
          component="button"
          type="button"
          size="sm"
          c="red"
          onClick={remove.open}
          aria-label={t('checkIn.removeLabel', { title: keyResult.title })}
        >
          {t('checkIn.remove')}
        </Anchor>
      </Group>
      <CheckInDialog keyResult={keyResult} correcting={latest} opened={correcting} onClose={correct.close} />
      <ConfirmDialog
        opened={removing}
        title={t('checkIn.removeTitle')}
        confirmLabel={t('checkIn.remove')}
        onConfirm={confirmRemove}
        onClose={remove.close}
      >
        {t('checkIn.removeText', { title: keyResult.title, value })}
      </ConfirmDialog>
    </>
  );
}
