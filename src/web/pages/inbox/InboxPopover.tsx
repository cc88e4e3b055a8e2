// The bell's list (Mantine's Popover with floating-ui): a chunk of its own, loaded when the
// bell is first wanted (components/InboxBell.tsx). Who said what on which objective, newest
// first, the unread marked; each a link to the comment that marks it read.
import '../../styles/mantine-pages.css';
import { Anchor, Button, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Link.tsx';
import { useInbox } from '../../api/inbox.ts';
import { BellButton } from '../../components/BellButton.tsx';
import type { InboxBellProps } from '../../components/InboxBell.tsx';
import { InboxEntry } from './InboxEntry.tsx';
import { useMarkInboxRead } from './mark-read.ts';

/** Opens as it mounts: it mounts because the bell was clicked. */
export default function InboxPopover({ orgId, checkInsDue, unread }: InboxBellProps & { unread: number }) {
  const { t } = useTranslation('inbox');
  const inbox = useInbox(orgId);
  const markRead = useMarkInboxRead(orgId);
  const [opened, setOpened] = useState(true);
  const bell = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // The bell is a new element now: focus it, as the click did the old one.
  useEffect(() => bell.current?.focus(), []);
  const items = inbox.data?.items ?? [];
  const close = () => setOpened(false);
  // Escape or a click elsewhere: back to the bell. (Mantine's returnFocus would go to the
  // element focused as the list opened, the bell this one replaced.) Following a link
  // leaves the focus to the page it opens.
  const dismiss = (open: boolean) => {
    setOpened(open);
    if (!open) bell.current?.focus();
  };

  return (
    <Popover opened={opened} onChange={dismiss} position="bottom-end" width={360} trapFocus shadow="md">
      <Popover.Target>
        <BellButton ref={bell} unread={inbox.data?.unread ?? unread} onClick={() => setOpened((o) => !o)} />
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={700} component="h2" size="md" m={0}>
            {t('title')}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            disabled={!inbox.data?.unread}
            onClick={() => {
              // The button is disabled once all is read, which would drop a keyboard user's
              // focus to the page: it goes to the first notification instead.
              list.current?.querySelector<HTMLElement>('[data-testid="inbox-item"]')?.focus();
              markRead.mutate(undefined);
            }}
          >
            {t('markAll')}
          </Button>
        </Group>
        {checkInsDue > 0 && (
          <Anchor
            component={Link}
            to={`/orgs/${orgId}/week`}
            onClick={close}
            display="flex"
            px="sm"
            pb="xs"
            size="sm"
            style={{ alignItems: 'center', gap: 6 }}
          >
            <IconCalendarCheck size={16} aria-hidden />
            {t('checkInsDue', { count: checkInsDue })}
          </Anchor>
        )}
        <ScrollArea.Autosize mah={420} type="auto">
          {inbox.isError ? (
            <Text size="sm" c="red.8" px="sm" pb="sm" role="alert">
              {t('failed')}
            </Text>
          ) : !inbox.data ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm">
              {t('loading')}
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" pb="sm" data-testid="inbox-empty">
              {t('empty')}
            </Text>
          ) : (
            <Stack component="ul" ref={list} gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
              {items.map((item) => (
                <InboxEntry
                  key={item.id}
                  orgId={orgId}
                  item={item}
                  onFollow={() => {
                    if (!item.read) markRead.mutate([item.id]);
                    close();
                  }}
                />
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
