// The invitation's heading, with the language switch beside it: one for both ways of
// accepting (choosing a password, or joining signed in).
import { Box, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';

export function InvitationHeading({ orgName }: { orgName: string }) {
  const { t } = useTranslation('auth');
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <Title order={1} size="h2">
        {t('invite.title', { org: orgName })}
      </Title>
      <Box style={{ flexShrink: 0 }}>
        <LanguageSwitcher />
      </Box>
    </Group>
  );
}
