import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../core/domain.ts';
import { useFormat } from '../format.ts';

export const STATUS_COLOURS: Record<Status, string> = { on_track: 'teal', at_risk: 'yellow', off_track: 'red' };

/** A labelled progress bar: the share as text too, since colour alone tells nothing to some. */
export function ProgressBar({
  value,
  status,
  title,
  size = 'md',
}: {
  value: number;
  status?: Status;
  title: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      <Progress
        value={Math.round(value * 100)}
        color={status ? STATUS_COLOURS[status] : 'blue'}
        size={size}
        style={{ flex: 1 }}
        aria-label={t('progressOf', { title })}
        data-testid="progress-bar"
      />
      <Text size="sm" fw={600} w={44} ta="right" data-testid="progress-value">
        {format.percent(value)}
      </Text>
    </Group>
  );
}
