import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HoverTooltip } from './HoverTooltip.tsx';

/** Confidence 0–10 from the latest check-in: how sure the owner is of reaching the target. */
export function ConfidenceBadge({ value }: { value: number | null }) {
  const { t } = useTranslation();
  if (value === null) return null;
  const colour = value <= 3 ? 'red' : value <= 6 ? 'yellow' : 'teal';
  const label = t('confidenceValue', { value });
  return (
    <HoverTooltip label={label}>
      <Badge color={colour} variant="outline" aria-label={label}>
        {value}/10
      </Badge>
    </HoverTooltip>
  );
}
