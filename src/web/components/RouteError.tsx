import { Alert, Box, Button, rem, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** A failure in words: the API's own where there are any. */
export function useErrorMessage(error: unknown): string {
  const { t } = useTranslation();
  return error instanceof ApiError
    ? error.status === 404
      ? t('error.notFound')
      : error.status === 403
        ? t('error.forbidden')
        : error.problem.title
    : t('error.title');
}

/** What a page shows when loading it failed. */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = useErrorMessage(error);
  return (
    // Mantine's Container (size sm) in style props: Container itself is script no first
    // page needs, and this page must be at hand without loading anything when it is shown.
    <Box maw={rem(540)} mx="auto" px="md" py="xl">
      <Stack>
        <Alert color="red" title={t('error.title')} role="alert">
          {message}
        </Alert>
        <Button variant="light" onClick={() => window.location.reload()}>
          {t('error.retry')}
        </Button>
      </Stack>
    </Box>
  );
}
