// Which objectives this one supports: the organisation's and teams' objectives of the
// chosen cycle and the cycle above it (a quarter's team objective often supports the
// year's organisation objective), and any other objective found by its title.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from '../../../core/domain.ts';
import { useCycles, useObjectives } from '../../api/queries.ts';

interface Option {
  value: string;
  label: string;
  level: ObjectiveLevel;
}

export interface SupportsSelectProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> {
  orgId: string;
  cycleId: string | null;
  /** The objective being edited: it cannot support itself. */
  excludeId?: string;
  value: string[];
  onChange: (ids: string[]) => void;
}

export function SupportsSelect({ orgId, cycleId, excludeId, value, onChange, ...props }: SupportsSelectProps) {
  const { t } = useTranslation(['objective', 'common']);
  const cycles = useCycles(orgId);
  const parentId = cycles.data?.find((c) => c.id === cycleId)?.parentId ?? undefined;
  const [initial] = useState(value);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const own = useObjectives(orgId, { cycleId: cycleId ?? undefined }, !!cycleId);
  const parent = useObjectives(orgId, { cycleId: parentId }, !!parentId);
  const found = useObjectives(orgId, { q: debounced }, debounced.length >= 2);
  const chosen = useObjectives(orgId, { ids: initial.join(',') }, initial.length > 0);
  // Chosen objectives keep their names when a search moves on.
  const [picked, setPicked] = useState<Record<string, Option>>({});

  const { data, options } = useMemo(() => {
    const options = new Map<string, Option>(Object.entries(picked));
    for (const list of [own.data, parent.data, found.data, chosen.data])
      for (const o of list ?? [])
        options.set(o.id, { value: o.id, label: `${o.title} — ${o.ownerName}`, level: o.level });
    // Candidates: the organisation's and units' objectives of these cycles, the search's
    // hits at any level, and whatever is chosen already.
    const ids = new Set<string>([
      ...[...(parent.data ?? []), ...(own.data ?? [])].filter((o) => o.level !== 'person').map((o) => o.id),
      ...(found.data ?? []).map((o) => o.id),
      ...value,
    ]);
    if (excludeId) ids.delete(excludeId);
    const shown = [...ids].flatMap((id) => {
      const option = options.get(id);
      return option ? [option] : [];
    });
    const data = OBJECTIVE_LEVELS.map((level) => ({
      group: t(`common:level.${level}`),
      items: shown.filter((o) => o.level === level).map(({ value: v, label }) => ({ value: v, label })),
    })).filter((group) => group.items.length > 0);
    return { data, options };
  }, [own.data, parent.data, found.data, chosen.data, picked, value, excludeId, t]);

  const change = (ids: string[]) => {
    setPicked((current) => {
      const next = { ...current };
      for (const id of ids) {
        const option = options.get(id);
        if (option) next[id] = option;
      }
      return next;
    });
    onChange(ids);
  };

  return (
    <MultiSelect
      searchable
      data={data}
      value={value}
      onChange={change}
      searchValue={search}
      onSearchChange={setSearch}
      maxValues={20}
      hidePickedOptions
      nothingFoundMessage={found.isFetching ? undefined : t('form.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
