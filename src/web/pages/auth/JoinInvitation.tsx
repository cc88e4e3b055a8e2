import { Alert, Anchor, Button, Center, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { Link } from '../../components/Link.tsx';
import { problemText } from '../../components/serverErrors.ts';
import { useFormat } from '../../format.ts';
import { InvitationHeading } from './InvitationHeading.tsx';
import { Spinner } from '../../components/Spinner.tsx';

export interface JoinableInvitation {
  orgName: string;
  email: string;
  expiresAt: string;
}

/**
 * An invitation for an address that has an account: the person signs in as it, then joins
 * with one click. Signed in as anyone else, they are told whom it is for (the server
 * refuses them too).
 */
export function JoinInvitation({ token, invitation }: { token: string; invitation: JoinableInvitation }) {
  const { t } = useTranslation(['auth', 'common']);
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;
  const signIn = `/login?next=${encodeURIComponent(here)}`;
  const current = session.data;
  const isInvited = current?.email.toLowerCase() === invitation.email.toLowerCase();

  const join = async () => {
    setError(null);
    setJoining(true);
    try {
      const joined = await api.post<{ orgId: string }>(`/invitations/${encodeURIComponent(token)}/join`);
      await client.invalidateQueries({ queryKey: ['me'] });
      void navigate(`/orgs/${joined.orgId}`, { replace: true });
    } catch (e) {
      setError(problemText(e));
      setJoining(false);
    }
  };
  const signOut = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'invitation' });
    void navigate(signIn);
  };

  return (
    <Stack>
      <InvitationHeading orgName={invitation.orgName} />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {session.isPending ? (
        <Center py="md">
          <Spinner label={t('common:loading')} />
        </Center>
      ) : !current ? (
        <>
          <Text>{t('invite.signInIntro', { org: invitation.orgName, email: invitation.email })}</Text>
          <Button component={Link} to={signIn}>
            {t('invite.signInToAccept')}
          </Button>
        </>
      ) : isInvited ? (
        <>
          <Text>{t('invite.joinIntro', { org: invitation.orgName, email: invitation.email })}</Text>
          <Button onClick={() => void join()} loading={joining}>
            {t('invite.join', { org: invitation.orgName })}
          </Button>
        </>
      ) : (
        <>
          <Alert color="yellow" role="status">
            {t('invite.otherAccount', { current: current.email, email: invitation.email })}
          </Alert>
          <Anchor component="button" type="button" onClick={() => void signOut()}>
            {t('invite.signOut')}
          </Anchor>
        </>
      )}
      <Text size="sm" c="dimmed">
        {t('invite.expires', { date: format.date(invitation.expiresAt) })}
      </Text>
    </Stack>
  );
}
