import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField.tsx';

/** A webhook's signing secret, the one time it is seen (after adding it or rotating it). */
export function SecretDialog({
  title,
  intro,
  secret,
  onClose,
}: {
  title: string;
  intro: string;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        <Text size="sm">{intro}</Text>
        <CopyField
          label={t('secret.label')}
          value={secret}
          copy={t('secret.copy')}
          copied={t('secret.copied')}
          testId="webhook-secret"
          monospace
        />
        <Button variant="default" onClick={onClose} style={{ alignSelf: 'end' }} data-autofocus>
          {t('secret.done')}
        </Button>
      </Stack>
    </Modal>
  );
}
