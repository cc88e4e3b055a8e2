import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';
import type { SheetCheck } from '../../api/types.ts';

const KINDS = ['units', 'people', 'cycles', 'objectives', 'keyResults'] as const;

/** What a sheet's import makes (or would make), kind by kind. */
export function SheetCountsTable({ title, counts }: { title: string | null; counts: SheetCheck['counts'] }) {
  const { t } = useTranslation('admin');
  const format = useFormat();
  return (
    <Table withRowBorders={false} verticalSpacing={2} maw={24 * 16} data-testid="sheet-counts">
      {title && <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{title}</Table.Caption>}
      <Table.Tbody>
        {KINDS.map((kind) => (
          <Table.Tr key={kind}>
            <Table.Th scope="row" fw={500}>
              {kind === 'people' ? t('sheet.newPeople') : t(`data.counts.${kind}`)}
            </Table.Th>
            <Table.Td>{format.number(counts[kind])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
