import { Button, Modal, Stack, Text } from '@mantine/core';
import { CopyField } from './CopyField.tsx';

/** A secret (a signing secret, a token) the one time it is seen: after adding it or rotating it. */
export function SecretDialog({
  title,
  intro,
  label,
  secret,
  testId,
  texts,
  onClose,
}: {
  title: string;
  intro: string;
  label: string;
  secret: string;
  testId: string;
  /** The copy button's words, before and after copying, and the closing button's. */
  texts: { copy: string; copied: string; done: string };
  onClose: () => void;
}) {
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <CopyField label={label} value={secret} copy={texts.copy} copied={texts.copied} testId={testId} monospace />
        <Button variant="default" onClick={onClose} style={{ alignSelf: 'end' }} data-autofocus>
          {texts.done}
        </Button>
      </Stack>
    </Modal>
  );
}
