import { Alert, Button, Container, Stack } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** What a page shows when loading it failed: the API's own words where there are any. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const message =
    error instanceof ApiError
      ? error.status === 404
        ? t('error.notFound')
        : error.status === 403
          ? t('error.forbidden')
          : error.problem.title
      : t('error.title');
  return (
    <Container size="sm" py="xl">
      <Stack>
        <Alert color="red" title={t('error.title')} role="alert">
          {message}
        </Alert>
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </Button>
      </Stack>
    </Container>
  );
}
