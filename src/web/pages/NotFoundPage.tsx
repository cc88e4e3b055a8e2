import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('error.notFound')}</Title>
        <Text>
          <Anchor component={Link} to="/">
            {t('appName')}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
