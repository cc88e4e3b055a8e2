// The wizard's first step: which of the sheet's columns feeds each field, proposed by the
// server (saved at this organisation's last import, or suggested from the header names).
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { columnLetter } from '../../../core/sheet-values.ts';
import {
  SHEET_FIELDS,
  SHEET_HEADERS,
  SHEET_REQUIRED_FIELDS,
  type SheetField,
} from '../../../core/okr-sheet-columns.ts';
import type { SheetRead } from '../../api/types.ts';
import { columnChoices, mappedColumns, unmappedRequired, type SheetMapping } from './sheet-import.ts';

const NOT_USED = 'none';

interface Props {
  sheet: SheetRead;
  mapping: SheetMapping;
  onChange: (mapping: SheetMapping) => void;
  onCheck: () => void;
  busy: boolean;
}

export function SheetMappingStep({ sheet, mapping, onChange, onCheck, busy }: Props) {
  const { t, i18n } = useTranslation('admin');
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const fieldName = (field: SheetField) => SHEET_HEADERS[field][language];
  const options = [
    { value: NOT_USED, label: t('sheet.notUsed') },
    ...columnChoices(sheet.headers).map(({ index, header, letter }) => ({
      value: String(index),
      label:
        letter === null
          ? header
          : header
            ? t('sheet.columnOption', { header, letter })
            : t('sheet.emptyHeader', { letter }),
    })),
  ];
  const missing = unmappedRequired(mapping, SHEET_REQUIRED_FIELDS);
  const twice = mappedColumns(mapping).filter((column) => column.fields.length > 1);

  const choose = (field: SheetField, value: string | null) => {
    const next = Object.entries(mapping).filter(([other]) => other !== field);
    if (value !== null && value !== NOT_USED) next.push([field, Number(value)]);
    onChange(Object.fromEntries(next) as SheetMapping);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="sheet-mapping-title">
      <Title order={4} size="h5" id="sheet-mapping-title">
        {t('sheet.mappingTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sheet.mappingIntro')}
      </Text>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} maw={48 * 16} data-testid="sheet-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="40%">
                {t('sheet.field')}
              </Table.Th>
              <Table.Th scope="col">{t('sheet.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {SHEET_FIELDS.map((field) => {
              const required = SHEET_REQUIRED_FIELDS.includes(field);
              const chosen = mapping[field];
              const source =
                chosen !== undefined && sheet.mapping[field] === chosen ? sheet.mappingSource[field] : undefined;
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" fw={500}>
                    {fieldName(field)}
                    {required && (
                      <Text span c="red" aria-hidden>
                        {' *'}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {/* The badge says where the choice comes from; below the field when there is no room beside it. */}
                    <Group gap="xs" wrap="wrap">
                      <Select
                        aria-label={fieldName(field)}
                        aria-describedby={source ? `sheet-source-${field}` : undefined}
                        data={options}
                        value={chosen === undefined ? NOT_USED : String(chosen)}
                        onChange={(value) => choose(field, value)}
                        allowDeselect={false}
                        required={required}
                        comboboxProps={{ withinPortal: true }}
                        size="sm"
                        style={{ flex: '1 1 11rem', maxWidth: '20rem' }}
                      />
                      {source && (
                        <Badge
                          id={`sheet-source-${field}`}
                          size="sm"
                          variant="light"
                          color={source === 'saved' ? 'teal' : 'blue'}
                          title={t(`sheet.sourceHelp.${source}`)}
                        >
                          {t(`sheet.source.${source}`)}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        <Text span c="red" aria-hidden>
          *{' '}
        </Text>
        {t('sheet.required')}
      </Text>
      {missing.length > 0 && (
        <Alert color="yellow" role="status">
          {t('sheet.missing', { fields: missing.map(fieldName).join(', ') })}
        </Alert>
      )}
      {twice.map(({ columnIndex }) => (
        <Alert key={columnIndex} color="yellow" role="status">
          {t('sheet.usedTwice', { letter: columnLetter(columnIndex) })}
        </Alert>
      ))}
      <Group>
        <Button onClick={onCheck} loading={busy} disabled={missing.length > 0}>
          {t('sheet.check')}
        </Button>
      </Group>
    </Stack>
  );
}
