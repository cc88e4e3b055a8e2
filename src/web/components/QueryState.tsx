import { Alert, Center } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './RouteError.tsx';
import type { ProblemViewProps } from '../pages/problem/ProblemView.tsx';
import { Spinner } from './Spinner.tsx';

// A page's failure is rare: its view and texts load when one happens. Should they not load
// either (the network is gone), the short notice below, whose words every page has, stands in.
const ProblemView = lazy(() =>
  import('../pages/problem/ProblemView.tsx').catch(() => ({
    default: ({ problem }: ProblemViewProps) => (
      <ErrorNotice error={typeof problem === 'string' ? null : problem.error} />
    ),
  })),
);

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
        <Spinner label={t('loading')} />
      </Center>
    );
  }
  if (query.isError && page) {
    return (
      <Suspense fallback={null}>
        <ProblemView problem={{ error: query.error }} onRetry={() => void query.refetch()} />
      </Suspense>
    );
  }
  if (query.isError) return <ErrorNotice error={query.error} />;
  return <>{children(query.data)}</>;
}

/** A part of a page that failed: the API's own words where there are any. */
function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const text = useErrorMessage(error);
  return (
    <Alert color="red" title={t('error.title')} role="alert">
      {text}
    </Alert>
  );
}
