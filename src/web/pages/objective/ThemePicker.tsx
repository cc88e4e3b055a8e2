// The strategy themes an objective serves, picked as chips (each a checkbox to assistive
// technology). Shown only where the organisation has named its themes.
import { Chip, Group, Input } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrg } from '../../api/queries.ts';

export function ThemePicker({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: string;
  value: string[];
  onChange: (themeIds: string[]) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation('objective');
  const themes = useOrg(orgId).data?.themes ?? [];
  const label = useId();
  if (themes.length === 0) return null;
  return (
    <Input.Wrapper label={t('form.themes')} description={t('form.themesHint')} error={error} id={label}>
      <Chip.Group multiple value={value} onChange={onChange}>
        <Group gap="xs" mt={6} role="group" aria-labelledby={`${label}-label`}>
          {themes.map((theme) => (
            <Chip key={theme.id} value={theme.id} variant="outline" title={theme.description || undefined}>
              {theme.name}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Input.Wrapper>
  );
}
