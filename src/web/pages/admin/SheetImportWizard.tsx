// A sheet read by the server, brought in: its columns mapped to fields, its rows checked by a
// dry run (cells of rows with problems edited in place and checked again), then imported,
// all or nothing. A chunk of its own (SheetImportSection loads it); leaving the page with
// a sheet on its way in asks first.
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.tsx';
import { api, ApiError } from '../../api/client.ts';
import type { Org, SheetCheck, SheetImported, SheetRead } from '../../api/types.ts';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { problemText } from '../../components/serverErrors.ts';
import { cellKey, changedCells, withEdits, type CellEdits, type SheetMapping } from './sheet-import.ts';
import { SheetCountsTable } from './SheetCountsTable.tsx';
import { SheetMappingStep } from './SheetMappingStep.tsx';
import { SheetPreviewStep } from './SheetPreviewStep.tsx';

type Step =
  | { kind: 'mapping' }
  /** The problems and counts of the last check (or of a refused import), and the edits it saw. */
  | { kind: 'preview'; check: SheetCheck; checked: CellEdits; refused: boolean }
  | { kind: 'imported'; result: SheetImported };

interface Props {
  org: Org;
  sheet: SheetRead;
  /** The sheet is in: there is nothing left to lose. */
  onDone: () => void;
}

export default function SheetImportWizard({ org, sheet, onDone }: Props) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [mapping, setMapping] = useState<SheetMapping>(sheet.mapping);
  const [edits, setEdits] = useState<CellEdits>({});
  const [step, setStep] = useState<Step>({ kind: 'mapping' });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useUnsavedChangesGuard(step.kind !== 'imported');

  const body = () => ({ headers: sheet.headers, rows: withEdits(sheet.rows, edits), mapping });

  /** Runs the server's work, showing what goes wrong that is not a problem in the rows. */
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  const check = () =>
    run(async () => {
      const checked = edits;
      const result = await api.post<SheetCheck>(`/orgs/${org.id}/sheet-imports?dryRun=true`, body());
      setStep({ kind: 'preview', check: result, checked, refused: false });
    });

  const importNow = () =>
    run(async () => {
      const checked = edits;
      try {
        const result = await api.post<SheetImported>(`/orgs/${org.id}/sheet-imports`, body());
        setStep({ kind: 'imported', result });
        onDone();
        await client.invalidateQueries();
      } catch (error) {
        const refusal = error instanceof ApiError ? sheetRefusal(error) : null;
        if (!refusal) throw error;
        // Someone changed the organisation since the check: back to the preview with what stands in the way.
        setStep({ kind: 'preview', check: { counts: emptyCounts, ...refusal }, checked, refused: true });
      }
    });

  const edit = (rowIndex: number, columnIndex: number, value: string) =>
    setEdits((before) => ({ ...before, [cellKey(rowIndex, columnIndex)]: value }));

  return (
    <Stack gap="md">
      {step.kind === 'mapping' && (
        <SheetMappingStep
          sheet={sheet}
          mapping={mapping}
          onChange={setMapping}
          onCheck={() => void check()}
          busy={busy}
        />
      )}
      {step.kind === 'preview' && (
        <SheetPreviewStep
          sheet={sheet}
          mapping={mapping}
          edits={edits}
          onEdit={edit}
          check={step.check}
          changedSinceCheck={changedCells(edits, step.checked)}
          refused={step.refused}
          busy={busy}
          onCheckAgain={() => void check()}
          onImport={() => void importNow()}
          onChangeColumns={() => setStep({ kind: 'mapping' })}
        />
      )}
      {failure && <Alert color="red" role="alert" title={failure} />}
      {step.kind === 'imported' && (
        <Alert color="teal" role="status" title={t('sheet.imported')} data-testid="sheet-imported">
          <Stack gap="xs">
            <SheetCountsTable title={null} counts={step.result.counts} />
            {step.result.objectives.length > 0 && (
              <nav aria-labelledby="sheet-imported-objectives">
                <Text size="sm" fw={500} id="sheet-imported-objectives">
                  {t('sheet.importedObjectives')}
                </Text>
                <List size="sm" spacing={2}>
                  {step.result.objectives.map((objective) => (
                    <List.Item key={objective.id}>
                      <Anchor
                        component={Link}
                        to={`/orgs/${org.id}/objectives/${objective.id}`}
                        c="inherit"
                        underline="always"
                      >
                        {objective.title}
                      </Anchor>
                    </List.Item>
                  ))}
                </List>
              </nav>
            )}
            {/* The alert's own text colour: the theme's link blue is too faint on its light teal. */}
            <Anchor component={Link} to={`/orgs/${org.id}/units`} c="inherit" underline="always" fw={500}>
              {t('sheet.toUnits')}
            </Anchor>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

const emptyCounts = { units: 0, people: 0, cycles: 0, objectives: 0, keyResults: 0 };

/** The problems of an import refused for its rows (422 sheet_import_invalid), or null for any other refusal. */
function sheetRefusal(error: ApiError): Pick<SheetCheck, 'problems' | 'problemCount'> | null {
  const { code, problems, problemCount } = error.problem as Partial<SheetCheck> & { code: string };
  if (error.status !== 422 || code !== 'sheet_import_invalid' || !Array.isArray(problems)) return null;
  return { problems, problemCount: problemCount ?? problems.length };
}
