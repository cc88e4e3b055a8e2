// What this objective supports: objectives, or one of their key results (the method's "the
// team's key result becomes my objective"). Offered are the organisation's and units'
// objectives of the chosen cycle and the cycle above it (a quarter's team objective often
// supports the year's organisation objective), each followed by its key results, and any
// other objective found by its title. Supporting a key result supports its objective too
// (the server adds that link), so a key result is chosen on its own.
import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECTIVE_LEVELS, type ObjectiveLevel } from '../../../core/domain.ts';
import { useCycles, useObjectives } from '../../api/queries.ts';
import type { SupportedKeyResult } from '../../api/types.ts';

/** What the objective supports, as the API takes it. */
export interface SupportsValue {
  supports: string[];
  supportsKeyResultIds: string[];
}

interface Option {
  value: string;
  label: string;
  level: ObjectiveLevel;
}

/** A key result's value in the select: its id, marked apart from objectives' ids. */
const KR = 'kr:';
const keyResultValue = (id: string) => `${KR}${id}`;

export interface SupportsSelectProps extends Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> {
  orgId: string;
  cycleId: string | null;
  /** The objective being edited: it cannot support itself or its own key results. */
  excludeId?: string;
  value: SupportsValue;
  onChange: (value: SupportsValue) => void;
  /** Key results already supported, named before any list has loaded. */
  knownKeyResults?: SupportedKeyResult[];
}

export function SupportsSelect({
  orgId,
  cycleId,
  excludeId,
  value,
  onChange,
  knownKeyResults = [],
  ...props
}: SupportsSelectProps) {
  const { t } = useTranslation(['objective', 'common']);
  const cycles = useCycles(orgId);
  const parentId = cycles.data?.find((c) => c.id === cycleId)?.parentId ?? undefined;
  const [initial] = useState(() => [...new Set([...value.supports, ...knownKeyResults.map((kr) => kr.objectiveId)])]);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const own = useObjectives(orgId, { cycleId: cycleId ?? undefined }, !!cycleId);
  const parent = useObjectives(orgId, { cycleId: parentId }, !!parentId);
  const found = useObjectives(orgId, { q: debounced }, debounced.length >= 2);
  const chosen = useObjectives(orgId, { ids: initial.join(',') }, initial.length > 0);
  // Chosen options keep their names when a search moves on.
  const [picked, setPicked] = useState<Record<string, Option>>({});
  const selected = useMemo(
    () => [...value.supports, ...value.supportsKeyResultIds.map(keyResultValue)],
    [value.supports, value.supportsKeyResultIds],
  );

  const { data, options } = useMemo(() => {
    const options = new Map<string, Option>(Object.entries(picked));
    /** Each objective's option, then its key results', in the order shown. */
    const ordered = new Map<string, string[]>();
    for (const list of [own.data, parent.data, found.data, chosen.data])
      for (const o of list ?? []) {
        options.set(o.id, { value: o.id, label: `${o.title} — ${o.ownerName}`, level: o.level });
        const krs = o.id === excludeId ? [] : o.keyResults;
        for (const kr of krs)
          options.set(keyResultValue(kr.id), { value: keyResultValue(kr.id), label: `↳ ${kr.title}`, level: o.level });
        ordered.set(o.id, [o.id, ...krs.map((kr) => keyResultValue(kr.id))]);
      }
    for (const kr of knownKeyResults) {
      const option = options.get(kr.objectiveId);
      if (option && !options.has(keyResultValue(kr.id)))
        options.set(keyResultValue(kr.id), {
          value: keyResultValue(kr.id),
          label: `↳ ${kr.title}`,
          level: option.level,
        });
    }
    // Candidates: the organisation's and units' objectives of these cycles, the search's
    // hits at any level, and whatever is chosen already.
    const candidates = new Set<string>([
      ...[...(parent.data ?? []), ...(own.data ?? [])].filter((o) => o.level !== 'person').map((o) => o.id),
      ...(found.data ?? []).map((o) => o.id),
    ]);
    const ids = new Set<string>([...candidates].flatMap((id) => ordered.get(id) ?? [id]));
    for (const id of selected) ids.add(id);
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
  }, [own.data, parent.data, found.data, chosen.data, picked, selected, excludeId, knownKeyResults, t]);

  const change = (values: string[]) => {
    setPicked((current) => {
      const next = { ...current };
      for (const v of values) {
        const option = options.get(v);
        if (option) next[v] = option;
      }
      return next;
    });
    onChange({
      supports: values.filter((v) => !v.startsWith(KR)),
      supportsKeyResultIds: values.filter((v) => v.startsWith(KR)).map((v) => v.slice(KR.length)),
    });
  };

  return (
    <MultiSelect
      searchable
      data={data}
      value={selected}
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
