import { Center } from '@mantine/core';
import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/queries.ts';
import { Spinner } from '../components/Spinner.tsx';

/** `/` goes to the first organisation of the signed-in account, or to sign-in. */
export function RootRedirect() {
  const me = useSession();
  const { t } = useTranslation();
  if (me.isPending) {
    return (
      <Center h="100vh">
        <Spinner label={t('loading')} />
      </Center>
    );
  }
  if (me.error) throw me.error;
  if (me.data === null) return <Navigate to="/login" replace />;
  const first = me.data.memberships[0];
  return <Navigate to={first ? `/orgs/${first.orgId}` : '/login'} replace />;
}
