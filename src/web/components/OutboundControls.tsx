// What a webhook's card and a chat channel's card share: what it is sent (chosen from a list
// of checkboxes, shown as badges), the button that shows or hides its log, and sending a test
// (queued by the server, then shown in the opened log).
import { Badge, Button, Checkbox, Group, Stack } from '@mantine/core';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { notifyDone, notifyError } from '../pages/admin/shared.tsx';

export function LogToggleButton({
  shown,
  logId,
  onToggle,
  label,
}: {
  shown: boolean;
  logId: string;
  onToggle: () => void;
  label: string;
}) {
  return (
    <Button
      variant="default"
      size="compact-sm"
      aria-expanded={shown}
      aria-controls={shown ? logId : undefined}
      onClick={onToggle}
    >
      {label}
    </Button>
  );
}

/** POSTs `path` (a test), says `queued`, opens the log and asks it again. */
export function useSendTest(path: string, queued: string, logKey: QueryKey, openLog: () => void) {
  const client = useQueryClient();
  const [testing, setTesting] = useState(false);
  const sendTest = async () => {
    setTesting(true);
    try {
      await api.post(path);
      notifyDone(queued);
      openLog();
      await client.invalidateQueries({ queryKey: logKey });
    } catch (error) {
      notifyError(error);
    } finally {
      setTesting(false);
    }
  };
  return { testing, sendTest };
}

/** What a card is sent, as a labelled list of badges. */
export function BadgeList({ label, items }: { label: string; items: { key: string; label: string }[] }) {
  return (
    <Group gap={6} aria-label={label} role="list">
      {items.map((item) => (
        <Badge key={item.key} variant="light" role="listitem" tt="none">
          {item.label}
        </Badge>
      ))}
    </Group>
  );
}

/** Choosing what a card is sent: a checkbox each, under one label; `input` is the form's. */
export function CheckboxList({
  label,
  options,
  required,
  input,
}: {
  label: string;
  options: { value: string; label: string }[];
  required?: boolean;
  input: object;
}) {
  return (
    <Checkbox.Group label={label} withAsterisk={required} {...input}>
      <Stack gap="xs" mt="xs">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} label={option.label} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
