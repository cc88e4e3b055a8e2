import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Status } from '../../core/domain.ts';
import { STATUS_COLOURS } from './ProgressBar.tsx';

export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid="status">
      {t(`status.${status}`)}
    </Badge>
  );
}
