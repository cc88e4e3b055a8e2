import { Center } from '@mantine/core';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { usePrefetchOrgPage, useSession } from '../api/queries.ts';
import { currentLocale, setLocale } from '../i18n/index.ts';
import { Spinner } from '../components/Spinner.tsx';

/** Pages inside need a signed-in account; the account's language wins over the browser's. */
export function RequireSignIn() {
  const { orgId = '' } = useParams();
  usePrefetchOrgPage(orgId);
  const me = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  const locale = me.data?.locale;
  useEffect(() => {
    if (locale && locale !== currentLocale()) void setLocale(locale);
  }, [locale]);
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Spinner label={t('loading')} />
      </Center>
    );
  }
  if (me.data === null) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (me.error) throw me.error;
  return <Outlet />;
}
