import '../styles/mantine-first.css';
import '../styles/global.css';
import { MantineProvider } from '@mantine/core';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { forgetEndedSession } from '../api/queries.ts';
import { cssVariablesResolver, localisedTheme } from './theme.ts';
import { AppRoutes } from './router.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { NotificationsOnDemand } from '../components/NotificationsOnDemand.tsx';

const queryClient: QueryClient = new QueryClient({
  // A session that ended while a page was open: the next refused read leads to sign-in.
  queryCache: new QueryCache({ onError: (error) => forgetEndedSession(queryClient, error) }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A missing or forbidden resource will not appear by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

export function App() {
  const { t } = useTranslation();
  const closeLabel = t('actions.close');
  const theme = useMemo(() => localisedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <NotificationsOnDemand />
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={<PageLoader />}>
          <AppRoutes />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}
