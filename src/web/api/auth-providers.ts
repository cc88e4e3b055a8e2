import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuthProvider } from './types.ts';

/** The installation's single sign-on providers (none without SSO); they change only with a restart. */
export const useAuthProviders = () =>
  useQuery({
    queryKey: ['auth', 'providers'],
    queryFn: ({ signal }) => api.get<AuthProvider[]>('/auth/providers', signal),
    staleTime: Infinity,
  });
