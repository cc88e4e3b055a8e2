// What the first-run set-up and the invitation page share: whether set-up is open, and
// the password rule the server applies (checked here too, so the common mistakes show
// before a round trip; the server's answer still decides).
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api } from '../../api/client.ts';

export const useSetupStatus = () =>
  useQuery({
    queryKey: ['setup'],
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/setup', signal),
    staleTime: 0,
  });

/** Length only: whether a password is too common is the server's list to judge. */
export function passwordRule(value: string, t: TFunction<['auth', 'common']>): string | null {
  const length = [...value].length;
  if (length === 0) return t('common:required');
  if (length < 8) return t('password.tooShort');
  if (length > 128) return t('password.tooLong');
  return null;
}
