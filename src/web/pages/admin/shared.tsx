// What the administration tabs share: a confirmation dialog, notices after a change, and
// the handling of a rejected save (messages beside fields, 412 as "someone else changed it").
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isConflict, problemText, showFieldErrors } from '../../components/serverErrors.ts';

export const notifyDone = (message: string) => notifications.show({ message, color: 'teal' });
export const notifyError = (error: unknown) => notifications.show({ message: problemText(error), color: 'red' });

interface FormLike {
  setFieldError: (path: string, error: ReactNode) => void;
}

/**
 * After a failed save: the server's field messages go beside their fields; what is left is
 * returned as one sentence for the form (null when every message found its field). A 412
 * gives the "changed meanwhile" sentence; the caller reloads.
 */
export function saveProblem(form: FormLike, error: unknown, fields: readonly string[]): string | null {
  if (isConflict(error)) return problemText(error);
  if (showFieldErrors(form, error, fields)) return null;
  return problemText(error);
}

/** "Are you sure?" for acts that take something away; the act's own error stays in the dialog. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      close();
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <Stack>
        <Text size="sm">{children}</Text>
        {error && (
          <Text size="sm" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
