import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSelectedCycle } from '../app/cycle.ts';

/**
 * The cycle shown, kept in the URL. A native select: accessible everywhere, right on
 * phones, and far lighter for the first page than a custom combobox.
 */
export function CycleSwitcher({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const { cycle, cycles, select } = useSelectedCycle(orgId);
  return (
    <NativeSelect
      size="xs"
      w={170}
      aria-label={t('cycle.label')}
      data={
        cycles.length ? cycles.map((c) => ({ value: c.id, label: c.name })) : [{ value: '', label: t('cycle.none') }]
      }
      value={cycle?.id ?? ''}
      onChange={(event) => event.currentTarget.value && select(event.currentTarget.value)}
    />
  );
}
