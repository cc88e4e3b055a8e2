import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../components/CopyField.tsx';
import { useFormat } from '../../format.ts';

export interface InvitationLinkData {
  /** A path of the web app, relative to the server's address. */
  url: string;
  expiresAt: string;
}

/**
 * The link a member who cannot sign in yet opens to choose a password: the admin copies
 * it and sends it on; the server gives a path, made absolute here.
 */
export function InvitationLink({ name, link }: { name: string; link: InvitationLinkData }) {
  const { t } = useTranslation(['admin', 'common']);
  const format = useFormat();
  const absolute = new URL(link.url, window.location.origin).toString();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('link.noMail', { name, date: format.date(link.expiresAt) })}</Text>
      <CopyField
        label={t('link.label')}
        value={absolute}
        copy={t('link.copy')}
        copied={t('link.copied')}
        testId="invitation-link"
      />
    </Stack>
  );
}
