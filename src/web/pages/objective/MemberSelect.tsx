// A person of the organisation, found by name or e-mail on the server (an organisation may
// be large, so the list is never loaded whole).
import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '../../api/queries.ts';

export interface MemberSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue'> {
  orgId: string;
  value: string | null;
  /** The name of the person chosen already, shown before the search has answered. */
  valueName?: string | null;
  onChange: (id: string | null, name: string | null) => void;
}

export function MemberSelect({ orgId, value, valueName, onChange, ...props }: MemberSelectProps) {
  const { t } = useTranslation('objective');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  // Searching for the chosen name itself (shown in the input) would hide everyone else.
  const members = useMembers(orgId, debounced === valueName ? '' : debounced);
  const data = useMemo(() => {
    const options = (members.data?.items ?? []).map((m) => ({ value: m.accountId, label: m.name }));
    if (value && valueName && !options.some((o) => o.value === value)) options.unshift({ value, label: valueName });
    return options;
  }, [members.data, value, valueName]);
  return (
    <Select
      searchable
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => onChange(id, id ? (option?.label ?? null) : null)}
      nothingFoundMessage={members.isFetching ? undefined : t('krFields.nobody')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
