// When figures over a large organisation were worked out: the server reuses them for up to
// 30 seconds (docs/dashboards.md), so the page says how old they are once that is more
// than a moment. Fresh figures need no caption.
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format.ts';

const STALE_AFTER_MS = 5_000;

/** `receivedAt`: when the answer arrived (TanStack Query's dataUpdatedAt), in ms. */
export function FiguresAsOf({ asOf, receivedAt }: { asOf: string; receivedAt: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (receivedAt - Date.parse(asOf) < STALE_AFTER_MS) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="figures-as-of">
      {t('figuresAsOf', { time: format.time(asOf) })}
    </Text>
  );
}
