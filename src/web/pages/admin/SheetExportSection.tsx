import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../api/types.ts';
import { useSelectedCycle } from '../../app/cycle.ts';
import { OkrSheetMenu } from '../../components/OkrSheetMenu.tsx';

/** The whole organisation's OKRs of the selected cycle as a spreadsheet (docs/export.md, "Sheets out"). */
export function SheetExportSection({ org }: { org: Org }) {
  const { t } = useTranslation('admin');
  const { cycle, cycles, isLoading } = useSelectedCycle(org.id);
  // A quarter's year too, as the home page offers it.
  const parent = cycles.find((c) => c.id === cycle?.parentId);
  return (
    <Card withBorder component="section" aria-labelledby="sheet-export-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sheet-export-title">
          {t('data.sheetTitle')}
        </Title>
        {cycle ? (
          <Group justify="space-between" align="center" gap="md" wrap="wrap">
            <Text size="sm" style={{ flex: '1 1 20rem' }}>
              {t('data.sheetText', { cycle: cycle.name })}
            </Text>
            <OkrSheetMenu orgId={org.id} cycles={parent ? [parent, cycle] : [cycle]} />
          </Group>
        ) : (
          !isLoading && (
            <Text size="sm" c="dimmed">
              {t('data.sheetNoCycle')}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
