// The download menu of a cycle's OKRs (components/OkrSheetMenuDropdown.tsx): loaded with the
// menu, not with the pages that offer it. The trigger's word is in `common`.
import { bilingual } from '../../i18n/bilingual.ts';

export const sheets = bilingual(
  {
    menu: 'The OKRs of {{cycle}} as a spreadsheet',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
  },
  {
    menu: 'OKR för {{cycle}} som kalkylark',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
  },
);
