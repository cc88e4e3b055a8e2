// What a section of the meeting holds that needs talking about first: blockers, owed
// check-ins, falling confidence. Nothing when all is calm.
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeeklyMeeting } from '../../api/types.ts';

type Figures = WeeklyMeeting['sections'][number]['figures'];

export function SectionFigures({ figures, compact = false }: { figures: Figures; compact?: boolean }) {
  const { t } = useTranslation('meeting');
  const shown = (
    [
      ['blockers', 'red'],
      ['due', 'orange'],
      ['confidenceDown', 'yellow'],
    ] as const
  ).filter(([key]) => figures[key] > 0);
  if (shown.length === 0) return null;
  return (
    <Group gap={4} component="span" data-testid="meeting-figures">
      {shown.map(([key, color]) => (
        <Badge key={key} color={color} variant="light" size={compact ? 'xs' : 'md'}>
          {t(`figures.${key}`, { count: figures[key] })}
        </Badge>
      ))}
    </Group>
  );
}
