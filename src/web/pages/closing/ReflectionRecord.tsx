import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The three questions of a reflection, in the order they are asked. */
export const REFLECTION_FIELDS = ['wentWell', 'learned', 'changeNext'] as const;

type Reflection = Record<(typeof REFLECTION_FIELDS)[number], string>;

/** A written reflection, each answer under its question; or a line saying none is written yet. */
export function ReflectionRecord({ reflection }: { reflection: Reflection | null }) {
  const { t } = useTranslation('closing');
  if (!reflection)
    return (
      <Text size="sm" c="dimmed">
        {t('score.noReflection')}
      </Text>
    );
  return REFLECTION_FIELDS.map((field) => (
    <Stack gap={2} key={field}>
      <Title order={3} size="h5">
        {t(`score.${field}`)}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`reflection-${field}`}>
        {reflection[field] || '—'}
      </Text>
    </Stack>
  ));
}
