import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { scoreBand, type ScoreBand } from '../../../core/status.ts';
import { useFormat } from '../../format.ts';

const COLOURS: Record<ScoreBand, string> = { red: 'red', yellow: 'yellow', green: 'teal' };

/** A final score with its band, in words as well as colour. */
export function ScoreBadge({ score }: { score: number | null }) {
  const { t } = useTranslation('closing');
  const format = useFormat();
  if (score === null) return <Badge variant="default">{t('score.noScore')}</Badge>;
  const band = scoreBand(score);
  return (
    <Badge variant="light" color={COLOURS[band]} data-testid="score-badge">
      {format.number(score)} · {t(`score.band.${band}`)}
    </Badge>
  );
}
