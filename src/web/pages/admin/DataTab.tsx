import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../api/types.ts';
import { TabHeading } from './shared.tsx';
import { ImportSection } from './ImportSection.tsx';
import { SheetImportSection } from './SheetImportSection.tsx';
import { SheetExportSection } from './SheetExportSection.tsx';

/** Moving the organisation's OKRs out as one export file, and in from one. */
export function DataTab({ org }: { org: Org }) {
  const { t } = useTranslation('admin');
  return (
    <Stack gap="md">
      <TabHeading title={t('data.title')} intro={t('data.intro')} />
      <Card withBorder component="section" aria-labelledby="export-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="export-title">
            {t('data.exportTitle')}
          </Title>
          <Text size="sm">{t('data.exportText')}</Text>
          <Text size="sm" c="dimmed">
            {t('data.notIncluded')}
          </Text>
          <Group gap="md" align="center">
            <Button
              component="a"
              href={`/api/v1/orgs/${org.id}/export`}
              download
              leftSection={<IconDownload size={16} aria-hidden />}
            >
              {t('data.download')}
            </Button>
            <Anchor href="/api/v1/export-schema.json" size="sm" target="_blank" rel="noopener">
              {t('data.schema')}
            </Anchor>
          </Group>
        </Stack>
      </Card>
      <SheetExportSection org={org} />
      {org.abilities['org.import'] && <ImportSection org={org} />}
      {org.abilities['org.import'] && <SheetImportSection org={org} />}
    </Stack>
  );
}
