import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from '../../components/Link.tsx';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import type { ImportResult, Org } from '../../api/types.ts';
import { useFormat } from '../../format.ts';
import { problemText } from '../../components/serverErrors.ts';

type Counts = ImportResult['counts'];

type Step =
  | { kind: 'choose' }
  | { kind: 'checked'; document: unknown; counts: Counts }
  | { kind: 'refused'; message: string; problems: { field: string; message: string }[] }
  | { kind: 'imported'; counts: Counts };

const KINDS = [
  'units',
  'cycles',
  'objectives',
  'keyResults',
  'checkIns',
  'activities',
  'comments',
  'reflections',
] as const;

/** Bringing an export in: the file is checked first (a dry run), and imported on a second click. */
export function ImportSection({ org }: { org: Org }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);

  const refusal = (error: unknown): Step => ({
    kind: 'refused',
    message: problemText(error),
    problems: error instanceof ApiError ? (error.problem.errors ?? []) : [],
  });

  const check = async () => {
    if (!file) return;
    setBusy(true);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        setStep({ kind: 'refused', message: t('data.notJson'), problems: [] });
        return;
      }
      const result = await api.post<ImportResult>(`/orgs/${org.id}/import?dryRun=true`, document);
      setStep({ kind: 'checked', document, counts: result.counts });
    } catch (error) {
      setStep(refusal(error));
    } finally {
      setBusy(false);
    }
  };

  const importNow = async (document: unknown) => {
    setBusy(true);
    try {
      const result = await api.post<ImportResult>(`/orgs/${org.id}/import`, document);
      setStep({ kind: 'imported', counts: result.counts });
      await client.invalidateQueries();
    } catch (error) {
      setStep(refusal(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="import-title">
          {t('data.importTitle')}
        </Title>
        <Text size="sm">{t('data.importText')}</Text>
        <Group gap="md" align="end">
          <FileInput
            label={t('data.file')}
            placeholder={t('data.filePlaceholder')}
            accept="application/json,.json"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              setStep({ kind: 'choose' });
            }}
            style={{ flex: '1 1 16rem' }}
          />
          <Button
            variant="light"
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!file}
            loading={busy && step.kind === 'choose'}
            onClick={() => void check()}
          >
            {t('data.check')}
          </Button>
        </Group>
        {step.kind === 'refused' && (
          <Alert color="red" role="alert" title={step.message}>
            {step.problems.length > 0 && (
              <List size="sm" spacing={2} data-testid="import-problems">
                {step.problems.map((p) => (
                  <List.Item key={`${p.field}:${p.message}`}>
                    <code>{p.field.replace(/^\/body/, '')}</code> {p.message}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        {step.kind === 'checked' && (
          <Stack gap="sm">
            <CountsTable title={t('data.wouldCreate')} counts={step.counts} />
            <Group>
              <Button loading={busy} onClick={() => void importNow(step.document)}>
                {t('data.importNow')}
              </Button>
            </Group>
          </Stack>
        )}
        {step.kind === 'imported' && (
          <Alert color="teal" role="status" title={t('data.imported')}>
            <Stack gap="xs">
              <CountsTable title={null} counts={step.counts} />
              <Anchor component={Link} to={`/orgs/${org.id}`}>
                {t('data.toHome')}
              </Anchor>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function CountsTable({ title, counts }: { title: string | null; counts: Counts }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={28 * 16} data-testid="import-counts">
      {title && <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</Table.Caption>}
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">{t('data.counts.people')}</Table.Th>
          <Table.Td>
            {format.number(counts.people)} ({t('data.counts.newAccounts')} {format.number(counts.newAccounts)})
          </Table.Td>
        </Table.Tr>
        {KINDS.map((kind) => (
          <Table.Tr key={kind}>
            <Table.Th scope="row">{t(`data.counts.${kind}`)}</Table.Th>
            <Table.Td>{format.number(counts[kind])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
