// Writing a comment: a textarea that suggests members after "@" (keyboard first: ↑ ↓ to
// choose, Enter or Tab to pick, Escape to close), and a choice of what the comment is about.
// The text shows "@Sara Lind"; on sending, picked names become mention tokens.
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useId } from '@mantine/hooks';
import { notify } from '../../components/notify.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useUnsavedChangesGuard } from '../../app/unsaved-changes.ts';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { mentionQuery, tokenizeMentions } from '../../../core/mentions.ts';
import { api, ApiError } from '../../api/client.ts';
import type { Comment, Member, Objective } from '../../api/types.ts';
import { useMentionCandidates } from './queries.ts';

interface Props {
  orgId: string;
  objective: Objective;
  /** The key result the conversation is filtered to, if any: the default subject. */
  keyResultId?: string;
}

export function CommentComposer({ orgId, objective, keyResultId }: Props) {
  const { t } = useTranslation('conversation');
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [about, setAbout] = useState(keyResultId ?? '');
  const [picked, setPicked] = useState<{ id: string; name: string }[]>([]);
  const [typing, setTyping] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(typing ?? '', 150);
  const candidates = useMentionCandidates(orgId, typing, debounced);
  const area = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const hintId = useId();
  const [error, setError] = useState<string | null>(null);
  // Cleared once sent, so a sent comment no longer holds the page.
  useUnsavedChangesGuard(text.trim() !== '');

  const suggestions: Member[] = typing === null ? [] : candidates.items;
  // A space after a name that matches nobody ends the mention: it was just an "@" in the text.
  const open = typing !== null && !(typing.includes(' ') && suggestions.length === 0);
  const current = Math.min(active, Math.max(0, suggestions.length - 1));

  const send = useMutation({
    mutationFn: () =>
      api.post<Comment>(`/objectives/${objective.id}/comments`, {
        body: tokenizeMentions(text.trim(), picked),
        ...(about ? { keyResultId: about } : {}),
      }),
    onSuccess: async () => {
      setText('');
      setPicked([]);
      setTyping(null);
      setError(null);
      notify({ message: t('composer.sent'), color: 'teal' });
      await Promise.all([
        client.invalidateQueries({ queryKey: ['comments', objective.id] }),
        client.invalidateQueries({ queryKey: ['feed'] }),
      ]);
    },
    onError: (e) => setError(e instanceof ApiError ? (e.fieldMessage('body') ?? e.problem.title) : String(e)),
  });

  const follow = (value: string, caret: number) => {
    setText(value);
    const query = mentionQuery(value.slice(0, caret));
    setTyping(query);
    if (query !== typing) setActive(0);
  };

  const pick = (member: Member) => {
    const element = area.current;
    const caret = element?.selectionStart ?? text.length;
    const before = text.slice(0, caret).replace(/@[^@]*$/, `@${member.name} `);
    const value = before + text.slice(caret);
    // The new text must be in the textarea before the caret moves, and both before the next
    // key press: a caret placed a frame later sent a fast typist's next letters elsewhere.
    flushSync(() => {
      setText(value);
      setPicked((list) => [
        ...list.filter((p) => p.id !== member.accountId),
        { id: member.accountId, name: member.name },
      ]);
      setTyping(null);
    });
    element?.focus();
    element?.setSelectionRange(before.length, before.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(() => (suggestions.length ? (current + step + suggestions.length) % suggestions.length : 0));
    } else if ((event.key === 'Enter' || event.key === 'Tab') && suggestions[current]) {
      event.preventDefault();
      pick(suggestions[current]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setTyping(null);
    }
  };

  const optionId = (index: number) => `${listId}-${index}`;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) send.mutate();
      }}
    >
      <Stack gap="xs">
        <div style={{ position: 'relative' }}>
          <Textarea
            ref={area}
            label={t('composer.label')}
            placeholder={t('composer.placeholder')}
            autosize
            minRows={3}
            maxRows={12}
            value={text}
            error={error}
            onChange={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
            onKeyDown={onKeyDown}
            onBlur={() => setTyping(null)}
            aria-autocomplete="list"
            aria-controls={open ? listId : undefined}
            aria-activedescendant={open && suggestions[current] ? optionId(current) : undefined}
            aria-describedby={hintId}
          />
          {open && (
            <Paper
              withBorder
              shadow="md"
              p={4}
              style={{ position: 'absolute', zIndex: 10, left: 0, right: 0, top: '100%' }}
            >
              <Stack gap={2} id={listId} role="listbox" aria-label={t('composer.suggestions')}>
                {suggestions.length === 0 && candidates.settled ? (
                  <Text size="sm" c="dimmed" p="xs">
                    {t('composer.noMatch', { query: typing })}
                  </Text>
                ) : (
                  suggestions.map((member, index) => (
                    <UnstyledButton
                      key={member.accountId}
                      id={optionId(index)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={index === current}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => pick(member)}
                      px="xs"
                      py={4}
                      style={{
                        borderRadius: 4,
                        background: index === current ? 'var(--mantine-color-blue-light)' : undefined,
                      }}
                    >
                      <Text size="sm" fw={500} span>
                        {member.name}
                      </Text>{' '}
                      <Text size="xs" c="dimmed" span>
                        {member.email}
                      </Text>
                    </UnstyledButton>
                  ))
                )}
              </Stack>
            </Paper>
          )}
        </div>
        <Text size="xs" c="dimmed" id={hintId}>
          {t('composer.hint')}
        </Text>
        <Group justify="space-between" align="end" wrap="wrap">
          {objective.keyResults.length > 0 ? (
            <NativeSelect
              label={t('composer.aboutLabel')}
              value={about}
              onChange={(event) => setAbout(event.currentTarget.value)}
              data={[
                { value: '', label: t('comments.filterAll') },
                ...objective.keyResults.map((kr) => ({ value: kr.id, label: kr.title })),
              ]}
              style={{ flex: '1 1 16rem', maxWidth: '32rem' }}
            />
          ) : (
            <span />
          )}
          <Button type="submit" loading={send.isPending} disabled={!text.trim()}>
            {t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
