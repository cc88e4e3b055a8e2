import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HoverTooltip } from './HoverTooltip.tsx';
import { useFormat } from '../format.ts';

/** Confidence 0–10 from the latest check-in: how sure the owner is of reaching the target. */
export function ConfidenceBadge({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null) return null;
  const colour = value <= 3 ? 'red' : value <= 6 ? 'yellow' : 'teal';
  // An objective's confidence is its key results' mean: "7,7" in Swedish, "7.7" in English.
  const shown = format.number(value);
  const label = t('confidenceValue', { value: shown });
  return (
    <HoverTooltip label={label}>
      <Badge color={colour} variant="outline" aria-label={label}>
        {shown}/10
      </Badge>
    </HoverTooltip>
  );
}
