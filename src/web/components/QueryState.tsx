import { Alert, Center, Loader } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ProblemView, problemKind } from './ProblemView.tsx';

/**
 * Renders children with the query's data once it is there; a loader or the error before.
 * `page`: the query loads what the page is about, so a failure is the page's (ProblemView).
 */
export function QueryState<T>({
  query,
  children,
  page = false,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  page?: boolean;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('loading')} />
      </Center>
    );
  }
  if (query.isError && page) {
    return <ProblemView kind={problemKind(query.error)} onRetry={() => void query.refetch()} />;
  }
  if (query.isError) {
    const error = query.error;
    const text =
      error instanceof ApiError
        ? error.status === 404
          ? t('error.notFound')
          : error.status === 403
            ? t('error.forbidden')
            : error.problem.title
        : t('error.title');
    return (
      <Alert color="red" title={t('error.title')} role="alert">
        {text}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
