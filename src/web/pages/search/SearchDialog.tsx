// The search dialog (Ctrl+K): a combobox over a grouped listbox. Focus stays in the text
// field; the arrow keys move the active option (aria-activedescendant), Enter opens its
// page, Escape closes (Mantine's Modal, which also returns focus to what had it before).
// A chunk of its own, loaded when the dialog is first wanted (components/SearchButton.tsx).
import '../../styles/mantine-pages.css';
import { Modal, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mayLeave } from '../../app/history-gate.ts';
import { useNavigate } from 'react-router';
import { SEARCH_LIMITS } from '../../../core/limits.ts';
import { api, query } from '../../api/client.ts';
import { useMe } from '../../api/queries.ts';
import type { SearchHits } from '../../api/types.ts';
import { hitGroups, type HitOption } from './hits.ts';
import classes from './SearchDialog.module.css';

const DEBOUNCE_MS = 200;

export interface SearchDialogProps {
  orgId: string;
  opened: boolean;
  onClose: () => void;
  /** What was typed before the field had the focus (while this dialog's code loaded). */
  takeTypedAhead: () => string;
}

export default function SearchDialog({ orgId, opened, onClose, takeTypedAhead }: SearchDialogProps) {
  const { t } = useTranslation('search');
  const navigate = useNavigate();
  const me = useMe();
  const [text, setText] = useState('');
  const typed = text.trim();
  const [asked] = useDebouncedValue(typed, DEBOUNCE_MS);
  const ready = asked.length >= SEARCH_LIMITS.minQuery;
  const answer = useQuery({
    queryKey: ['search', orgId, asked],
    queryFn: ({ signal }) => api.get<SearchHits>(`/orgs/${orgId}/search${query({ q: asked })}`, signal),
    enabled: opened && ready,
    // The previous answer stays while the next one comes, so the list does not flicker.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const groups =
    typed.length >= SEARCH_LIMITS.minQuery && answer.data
      ? hitGroups(orgId, me.data?.id, answer.data, {
          objective: (hit) => t('objectiveDetail', { owner: hit.ownerName, cycle: hit.cycleName }),
          keyResult: (hit) => t('keyResultDetail', { objective: hit.objectiveTitle }),
          unit: (hit) => t(`unitKind.${hit.kind}`, { defaultValue: hit.kind }),
        })
      : [];
  const options = groups.flatMap((group) => group.options);

  // The active option by key, so a new answer keeps it when it is still there.
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const activeIndex = Math.max(
    0,
    options.findIndex((option) => option.key === activeKey),
  );
  const base = useId();
  const optionId = (index: number) => `${base}-option-${index}`;
  const listboxId = `${base}-listbox`;
  const activeId = options.length > 0 ? optionId(activeIndex) : undefined;

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  // A search that ended in a page is done: the next one starts empty. Escape keeps it.
  const openHit = (option: HitOption) => {
    // A form left behind with typed text asks first, as a link would; staying keeps the search.
    if (!mayLeave()) return;
    setText('');
    onClose();
    void navigate(option.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (options.length === 0) return;
    const move = (to: number) => {
      event.preventDefault();
      setActiveKey(options[(to + options.length) % options.length]?.key ?? null);
    };
    if (event.key === 'ArrowDown') move(activeIndex + 1);
    else if (event.key === 'ArrowUp') move(activeIndex - 1);
    else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) openHit(option);
    }
  };

  // While the answer to what is typed now is on its way, the previous one stays in view.
  const waiting = asked !== typed || answer.isPlaceholderData || !answer.data;
  const status =
    typed.length === 0
      ? t('hint', { count: SEARCH_LIMITS.minQuery })
      : typed.length < SEARCH_LIMITS.minQuery
        ? t('tooShort', { count: SEARCH_LIMITS.minQuery })
        : answer.isError
          ? t('failed')
          : waiting
            ? t('searching')
            : options.length === 0
              ? t('none', { query: asked })
              : t('found', { count: options.length });

  // Where each group's options start in the one list the arrow keys walk.
  const starts = groups.map((_, i) => groups.slice(0, i).reduce((sum, group) => sum + group.options.length, 0));
  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="lg" yOffset="10vh">
      <TextInput
        data-autofocus
        aria-label={t('label')}
        placeholder={t('placeholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onFocus={() => {
          const ahead = takeTypedAhead();
          if (ahead) setText((current) => current + ahead);
        }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={options.length > 0}
        aria-controls={listboxId}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellCheck={false}
      />
      <Text size="sm" c="dimmed" mt="xs" role="status" data-testid="search-status">
        {status}
      </Text>
      <div
        role="listbox"
        id={listboxId}
        aria-label={t('results')}
        aria-busy={waiting && typed.length >= SEARCH_LIMITS.minQuery}
        className={classes.listbox}
      >
        {groups.map((group, groupIndex) => (
          <div key={group.kind} role="group" aria-labelledby={`${base}-${group.kind}`}>
            <div id={`${base}-${group.kind}`} className={classes.heading}>
              {t(`groups.${group.kind}`)}
            </div>
            {group.options.map((option, i) => {
              const mine = (starts[groupIndex] ?? 0) + i;
              return (
                <div
                  key={option.key}
                  id={optionId(mine)}
                  role="option"
                  aria-selected={mine === activeIndex}
                  className={classes.option}
                  // A click must not take the focus out of the text field first.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => setActiveKey(option.key)}
                  onClick={() => openHit(option)}
                >
                  <span className={classes.label}>{option.label}</span>
                  <span className={classes.detail}>{option.detail}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </Modal>
  );
}
