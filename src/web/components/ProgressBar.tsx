import { Group, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../core/domain.ts';
import { useFormat } from '../format.ts';
import classes from './ProgressBar.module.css';

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
  const percent = Math.round(value * 100);
  return (
    <Group gap="xs" wrap="nowrap" w="100%">
      {/* Mantine's <Progress>, element for element (its bar is the progressbar), in our own
          stylesheet: the component and its context are script that every list of objectives
          would load for two boxes. */}
      <div
        className={classes.root}
        style={{ flex: 1, '--progress-size': `var(--progress-size-${size})` } as CSSProperties}
        data-testid="progress-bar"
      >
        <div
          className={classes.section}
          style={
            {
              '--progress-section-size': `${percent}%`,
              '--progress-section-color': `var(--mantine-color-${status ? STATUS_COLOURS[status] : 'blue'}-filled)`,
            } as CSSProperties
          }
          role="progressbar"
          aria-valuemax={100}
          aria-valuemin={0}
          aria-valuenow={percent}
          aria-valuetext={`${percent}%`}
          aria-label={t('progressOf', { title })}
        />
      </div>
      <Text size="sm" fw={600} w={44} ta="right" data-testid="progress-value">
        {format.percent(value)}
      </Text>
    </Group>
  );
}
