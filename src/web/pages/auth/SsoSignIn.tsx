// The sign-in page's single sign-on part, a chunk of its own (most installations have no
// SSO, and the first page's code is kept small): "Sign in with …" for each provider, and
// why a sign-in through one was refused, when the server sent the browser back with ?sso=.
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuthProvider } from '../../api/types.ts';

const REFUSALS = [
  'sso_state',
  'sso_exchange',
  'sso_token',
  'sso_unverified_email',
  'sso_domain',
  'sso_inactive',
  'sso_unavailable',
] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (value: string | null): value is Refusal => (REFUSALS as readonly (string | null)[]).includes(value);

export default function SsoSignIn({
  providers,
  refusal,
  next,
}: {
  providers: AuthProvider[];
  refusal: string | null;
  /** Where to land afterwards: a path of the app. */
  next: string;
}) {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="sm">
      {isRefusal(refusal) && (
        <Alert color="red" role="alert">
          {t(`sso.refused.${refusal}`)}
        </Alert>
      )}
      {providers.map((provider) => (
        <Button
          key={provider.id}
          component="a"
          href={`${provider.startUrl}?returnTo=${encodeURIComponent(next)}`}
          variant="default"
        >
          {t('sso.signInWith', { name: provider.name })}
        </Button>
      ))}
      {providers.length > 0 && (
        <Text size="sm" c="dimmed" ta="center">
          {t('sso.orWithPassword')}
        </Text>
      )}
    </Stack>
  );
}
