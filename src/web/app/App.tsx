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

/**
 * The page's nonce, for the <style> elements Mantine adds (the Content-Security-Policy lets
 * in no other inline style). The server puts a fresh one on the page's
 * <meta property="csp-nonce"> each time; the browser hides the attribute from the document,
 * not from the element's property.
 */
const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? '';
const getStyleNonce = () => styleNonce;
// Mantine's modals and drawers lock scrolling with react-remove-scroll, which adds a <style>
// of its own with the nonce it finds where webpack would put one (the get-nonce package).
(globalThis as { __webpack_nonce__?: string }).__webpack_nonce__ = styleNonce;

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
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="auto"
      getStyleNonce={getStyleNonce}
    >
      <NotificationsOnDemand />
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={<PageLoader />}>
          <AppRoutes />
        </Suspense>
      </QueryClientProvider>
    </MantineProvider>
  );
}
