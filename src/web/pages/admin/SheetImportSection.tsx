// Administration → Export and import → a spreadsheet in: the templates, and the file read
// by the server. What comes after (the columns, the preview, the import) is the wizard, a
// chunk of its own that loads with the first file chosen.
import { Alert, Anchor, Button, Card, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { Org, SheetRead } from '../../api/types.ts';
import { problemText } from '../../components/serverErrors.ts';
import { SHEET_ACCEPT, sheetContentType } from './sheet-import.ts';
import { Spinner } from '../../components/Spinner.tsx';

const loadWizard = () => import('./SheetImportWizard.tsx');
const SheetImportWizard = lazy(loadWizard);

const TEMPLATES = [
  { language: 'sv', format: 'csv' },
  { language: 'sv', format: 'xlsx' },
  { language: 'en', format: 'csv' },
  { language: 'en', format: 'xlsx' },
] as const;
const FORMAT_NAMES = { csv: 'CSV', xlsx: 'Excel' } as const;

interface Loaded {
  name: string;
  sheet: SheetRead;
  /** Counts up with each file read, so a new file starts a new wizard. */
  serial: number;
}

export function SheetImportSection({ org }: { org: Org }) {
  const { t } = useTranslation('admin');
  const [file, setFile] = useState<File | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<{ title: string; detail?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async () => {
    if (!file) return;
    const type = sheetContentType(file);
    if (!type) {
      setError({ title: t('sheet.notSheet') });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const [sheet] = await Promise.all([
        api.upload<SheetRead>(`/orgs/${org.id}/sheet-imports/read`, file, type),
        loadWizard(),
      ]);
      setLoaded((before) => ({ name: file.name, sheet, serial: (before?.serial ?? 0) + 1 }));
      setDone(false);
    } catch (failure) {
      setError({
        title: problemText(failure),
        detail: failure instanceof ApiError ? failure.problem.detail : undefined,
      });
    } finally {
      setBusy(false);
    }
  };

  const another = () => {
    if (!done && !window.confirm(t('sheet.discard'))) return;
    setLoaded(null);
    setFile(null);
  };

  return (
    <Card withBorder component="section" aria-labelledby="sheet-import-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="sheet-import-title">
          {t('sheet.title')}
        </Title>
        <Text size="sm">{t('sheet.intro')}</Text>
        <Group gap="xs" align="baseline" component="nav" aria-label={t('sheet.templates')}>
          <Text size="sm" fw={500}>
            {t('sheet.templates')}:
          </Text>
          {TEMPLATES.map(({ language, format: kind }) => (
            <Anchor key={`${language}-${kind}`} size="sm" href={`/api/v1/sheet-templates/${language}.${kind}`} download>
              {t('sheet.template', {
                language: t(`sheet.templateLanguage.${language}`),
                format: FORMAT_NAMES[kind],
              })}
            </Anchor>
          ))}
        </Group>
        {loaded ? (
          <Group gap="md" align="center">
            <Group gap={6} wrap="nowrap">
              <IconFileSpreadsheet size={18} aria-hidden />
              <Text size="sm" fw={500} data-testid="sheet-loaded">
                {t('sheet.loaded', { file: loaded.name, count: loaded.sheet.rows.length })}
              </Text>
            </Group>
            <Button variant="subtle" size="compact-sm" onClick={another}>
              {t('sheet.another')}
            </Button>
          </Group>
        ) : (
          <Group gap="md" align="end">
            <FileInput
              label={t('sheet.file')}
              placeholder={t('sheet.filePlaceholder')}
              accept={SHEET_ACCEPT}
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setError(null);
                // A head start on the wizard's code while the person finds the button.
                if (chosen) void loadWizard().catch(() => undefined);
              }}
              style={{ flex: '1 1 16rem' }}
            />
            <Button
              variant="light"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={busy}
              onClick={() => void read()}
            >
              {t('sheet.read')}
            </Button>
          </Group>
        )}
        {error && (
          <Alert color="red" role="alert" title={t('sheet.unreadable')}>
            <Text size="sm">{error.title}</Text>
            {error.detail && error.detail !== error.title && <Text size="sm">{error.detail}</Text>}
          </Alert>
        )}
        {loaded && (
          <Suspense fallback={<Spinner size="sm" label={t('sheet.read')} />}>
            <SheetImportWizard key={loaded.serial} org={org} sheet={loaded.sheet} onDone={() => setDone(true)} />
          </Suspense>
        )}
      </Stack>
    </Card>
  );
}
