import { Button, CopyButton, Group, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format.ts';

export interface InvitationLinkData {
  /** A path of the web app, relative to the server's address. */
  url: string;
  expiresAt: string;
}

/**
 * The link an invited person opens to choose a password. There is no mail server yet, so
 * the admin copies it and sends it on; the server gives a path, made absolute here.
 */
export function InvitationLink({ name, link }: { name: string; link: InvitationLinkData }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const absolute = new URL(link.url, window.location.origin).toString();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('link.noMail', { name, date: format.date(link.expiresAt) })}</Text>
      <CopyButton value={absolute}>
        {({ copied, copy }) => (
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t('link.label')}
              value={absolute}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              style={{ flex: '1 1 240px' }}
              data-testid="invitation-link"
            />
            <Button
              onClick={copy}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? t('link.copied') : t('link.copy')}
            </Button>
            <VisuallyHidden aria-live="polite">{copied ? t('link.copied') : ''}</VisuallyHidden>
          </Group>
        )}
      </CopyButton>
    </Stack>
  );
}
