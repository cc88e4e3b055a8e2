import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuthProvider } from './types.ts';

/**
 * The single sign-on providers to offer: the installation's (none without SSO), and with
 * `org` (a slug) that organisation's own. They change only with a restart or an admin's save.
 */
export const useAuthProviders = (org?: string | null) =>
  useQuery({
    queryKey: ['auth', 'providers', org ?? null],
    queryFn: ({ signal }) =>
      api.get<AuthProvider[]>(`/auth/providers${org ? `?org=${encodeURIComponent(org)}` : ''}`, signal),
    staleTime: Infinity,
  });
