// The notice after archiving something offers to undo it for as long as it shows: "Ångra"
// restores the row at the version the archiving answered, and the notice then says what
// came of it in its place. It stacks where every notice does (Notifications.tsx),
// away from the controls it is about.
import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { i18n } from '../i18n/index.ts';
import { notify, renotify } from './notify.ts';
import { problemText } from './serverErrors.ts';

/** Long enough to notice the mistake and reach the button; Mantine pauses it under the pointer. */
const UNDO_FOR_MS = 10_000;
let sequence = 0;

/**
 * Archives the row at `path` (/objectives/…, /key-results/…, /activities/…, /units/…) and
 * says so in a notice that offers to undo it; `refresh` updates what shows the row, after
 * the undo too.
 */
export async function archiveUndoably(path: string, message: string, refresh: () => Promise<unknown>): Promise<void> {
  const version = await api.archive(path);
  notifyUndoable(message, async () => {
    await api.restore(path, version);
    await refresh();
  });
}

function notifyUndoable(message: string, undo: () => Promise<unknown>): void {
  const id = `undo-${++sequence}`;
  const closeButtonProps = { 'aria-label': i18n.t('common:actions.close') };
  const run = async () => {
    try {
      await undo();
      renotify({ id, message: i18n.t('common:undone'), color: 'teal', autoClose: 4000, closeButtonProps });
    } catch (error) {
      renotify({ id, message: problemText(error), color: 'red', autoClose: false, closeButtonProps });
    }
  };
  notify({
    id,
    color: 'teal',
    autoClose: UNDO_FOR_MS,
    closeButtonProps,
    message: <UndoMessage message={message} onUndo={run} />,
  });
}

function UndoMessage({ message, onUndo }: { message: string; onUndo: () => Promise<void> }) {
  const [undoing, setUndoing] = useState(false);
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm">{message}</Text>
      <Button
        size="compact-sm"
        variant="light"
        loading={undoing}
        onClick={() => {
          setUndoing(true);
          void onUndo();
        }}
      >
        {i18n.t('common:actions.undo')}
      </Button>
    </Group>
  );
}
